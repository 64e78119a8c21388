// The changelog presets shipwright supports, apart from the presets themselves (cheap to import).

export type PresetName = 'conventionalcommits' | 'angular';
export const PRESET_NAMES: readonly PresetName[] = ['conventionalcommits', 'angular'];
