// The changelog preset packages ship no types; this is the part shipwright uses.
declare module 'conventional-changelog-conventionalcommits' {
  interface PresetConfig {
    types?: { type: string; section?: string; hidden?: boolean; scope?: string }[];
    issuePrefixes?: string[];
    [key: string]: unknown;
  }
  export default function createPreset(config?: PresetConfig): { parser: unknown; writer: unknown; whatBump: unknown };
  export const DEFAULT_COMMIT_TYPES: readonly { type: string; section: string; hidden?: boolean }[];
}
declare module 'conventional-changelog-angular' {
  export default function createPreset(config?: Record<string, unknown>): {
    parser: unknown;
    writer: unknown;
    whatBump: unknown;
  };
}
