// `shipwright lint-msg`: placeholder replaced by the lint-msg implementation.
export {};
