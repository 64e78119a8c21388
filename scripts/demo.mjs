// `npm run demo`: the TUI on a throwaway repository. The TUI arrives with issue 4.
console.log('The shipwright TUI demo is not built yet (issue 4). Meanwhile try the CLI on this repository:');
console.log('  npm run build && node bin/shipwright.js status && node bin/shipwright.js changelog --stdout --release-count 0');
