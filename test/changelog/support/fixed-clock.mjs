// Preloaded into the real conventional-changelog CLI (node --import) by the golden tests: pins
// `new Date()` to SOURCE_DATE_EPOCH so its upcoming section carries the same date as shipwright's.
const epoch = process.env.SOURCE_DATE_EPOCH;
if (epoch && /^\d+$/.test(epoch)) {
  const fixed = Number(epoch) * 1000;
  const RealDate = globalThis.Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }

    static now() {
      return fixed;
    }
  };
}
