#!/usr/bin/env bash
# conventional-changelog's own repository shape: a pnpm workspace (packages/* and website), package
# names that prefix each other (conventional-changelog, conventional-changelog-angular), tags that
# changed format from `pkg@x` to release-please's `pkg-vx`, release commits touching every released
# package, scopes naming several packages, a commit touching two packages, a merged branch.
set -euo pipefail
. "$(dirname "$0")/../../fixtures/setup-repo.sh"

URL=https://github.com/conventional-changelog/conventional-changelog.git
manifest() { # dir name version [private]
  mkdir -p "$1"
  local private=''
  if [ -n "${4:-}" ]; then private='  "private": true,
'; fi
  printf '{\n  "name": "%s",\n  "version": "%s",\n%s  "repository": {\n    "type": "git",\n    "url": "%s",\n    "directory": "%s"\n  }\n}\n' "$2" "$3" "$private" "$URL" "$1" > "$1/package.json"
}
change() { # file message
  mkdir -p "$(dirname "$1")"; echo "$2" >> "$1"; git add "$1"; commit -m "$2"
}
release() { # message dir:name:version...
  local msg=$1; shift
  for spec in "$@"; do IFS=: read -r dir name version <<< "$spec"; manifest "$dir" "$name" "$version"; git add "$dir"; done
  commit -m "$msg"
  for spec in "$@"; do IFS=: read -r dir name version <<< "$spec"; git tag -a -m "$name $version" "$name-v$version"; done
}

printf '{\n  "name": "conventional-changelog",\n  "private": true,\n  "version": "0.0.0",\n  "repository": {\n    "type": "git",\n    "url": "%s"\n  }\n}\n' "$URL" > package.json
printf 'packages:\n  - packages/*\n  - website\n' > pnpm-workspace.yaml
manifest packages/conventional-changelog conventional-changelog 3.1.24
manifest packages/conventional-changelog-angular conventional-changelog-angular 5.0.12
manifest packages/conventional-changelog-conventionalcommits conventional-changelog-conventionalcommits 4.6.1
manifest packages/conventional-commits-parser conventional-commits-parser 3.2.4
manifest website website 0.0.0 private
git add .
commit -m 'chore: monorepo'
for tag in conventional-changelog@3.1.24 conventional-changelog-angular@5.0.12 conventional-changelog-conventionalcommits@4.6.1 conventional-commits-parser@3.2.4; do git tag -a -m "$tag" "$tag"; done

change packages/conventional-changelog-angular/src/index.js 'fix(conventional-changelog-angular): keep scope casing (#901)'
change packages/conventional-changelog/src/index.js 'docs(conventional-changelog): usage of --commit-path'
release 'chore(release): monorepo release (#910)' packages/conventional-changelog-angular:conventional-changelog-angular:5.0.13

# One commit, two packages (scopes listing both, as the project writes them).
mkdir -p packages/conventional-changelog-angular/src packages/conventional-changelog-conventionalcommits/src
echo a >> packages/conventional-changelog-angular/src/writer.js
echo b >> packages/conventional-changelog-conventionalcommits/src/writer.js
git add packages
commit -m 'feat(conventional-changelog-angular,conventional-changelog-conventionalcommits): group notes by their keyword (#1533)'

git switch -q -c fix/host-urls
change packages/conventional-changelog-conventionalcommits/src/writer.js 'fix(conventional-changelog-conventionalcommits): use current host url paths (#1534)'
git switch -q main
change packages/conventional-changelog/src/index.js 'fix(conventional-changelog): read the package from --pkg (#1535)'
merge fix/host-urls -m 'Merge pull request #1534 from fix/host-urls'
change website/docs/index.md 'docs(website): presets page'
change packages/conventional-commits-parser/src/index.js 'feat(conventional-commits-parser)!: drop the stream API

BREAKING CHANGE: use parseCommits() instead of the transform stream.'
change README.md 'chore: root readme'
