// shipwright's own commit rules: Conventional Commits, as it asks of its users.
export default {
  extends: ['@commitlint/config-conventional'],
};
