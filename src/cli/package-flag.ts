// The `--package` option every monorepo-aware command takes, in a module of its own: a command's
// spec needs it at start-up, the monorepo code behind it (changelog writer included) only when used.

export const PACKAGE_OPTION = { package: { type: 'string', multiple: true } } as const;
export const PACKAGE_FLAG_HELP: [string, string] = [
  '--package NAME',
  'monorepo: only this workspace package (repeat for several); default: all with a pending release',
];
