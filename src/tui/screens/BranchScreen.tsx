// Start a branch: type (with its description and base) → name → issue → preview → create.
import { Box, Text } from 'ink';
import { useEffect, useReducer } from 'react';
import { Frame } from '../components/Frame.js';
import { Spinner } from '../components/Spinner.js';
import { TextField } from '../components/TextField.js';
import { useTone } from '../components/theme.js';
import { FilterLine } from '../components/FilterLine.js';
import {
  branchKeymap,
  branchReducer,
  initialBranch,
  issueNumber,
  previewName,
  selectedType,
  visibleTypes,
} from '../models/branch-model.js';
import type { TuiServices } from '../../app/screen-services.js';
import { useKeyInput } from '../use-key-input.js';
import { AFTER_BRANCH_CREATED } from '../../core/display-text/next-steps.js';

const message = (reason: unknown): string => (reason instanceof Error ? reason.message : String(reason));

export function BranchScreen({
  services,
  preferredType,
  back,
}: {
  services: TuiServices;
  preferredType?: string;
  back: () => void;
}) {
  const tone = useTone();
  const [state, dispatch] = useReducer(branchReducer, undefined, initialBranch);
  useKeyInput((event) => dispatch({ type: 'key', ...event }));

  useEffect(() => {
    services.listBranchTypes().then(
      (types) => dispatch({ type: 'loaded', types, ...(preferredType ? { preferred: preferredType } : {}) }),
      (reason: unknown) => dispatch({ type: 'load-failed', message: message(reason) }),
    );
  }, [services, preferredType]);

  // Live refusal of the name as it is typed (git check-ref-format, existing branch).
  const candidate = previewName(state);
  useEffect(() => {
    if (state.step !== 'name' || !state.name.value.trim()) return;
    services.refuseBranchName(candidate).then(
      (refusal) => dispatch({ type: 'refusal', name: candidate, refusal }),
      () => undefined,
    );
  }, [candidate, state.step, services]);

  useEffect(() => {
    if (state.step === 'closed') back();
    if (state.step === 'planning') {
      const type = selectedType(state);
      services.planBranch({ type: type?.name ?? '', name: state.name.value, issue: issueNumber(state) }).then(
        (plan) => dispatch({ type: 'planned', plan }),
        (reason: unknown) => dispatch({ type: 'plan-refused', message: message(reason) }),
      );
    }
    if (state.step === 'creating' && state.plan) {
      const plan = state.plan;
      services.runPlan(plan.plan).then((result) =>
        dispatch({
          type: 'created',
          ok: result.ok,
          message: result.ok
            ? `On ${plan.branch} (from ${plan.base}).`
            : `${result.error ?? ''}\n${result.output}`.trim(),
        }),
      );
    }
  }, [state.step]);

  const type = selectedType(state);
  return (
    <Frame
      title="Start a branch"
      {...(type ? { context: `${type.name} from ${type.baseBranch}` } : {})}
      keymap={branchKeymap(state.step, state.filter.editing)}
      typing={state.step === 'name' || state.step === 'issue' || state.filter.editing}
    >
      {state.step === 'loading' ? <Spinner label="reading the branch model…" /> : null}
      {state.step === 'type' ? (
        <Box flexDirection="column">
          <FilterLine filter={state.filter} shown={visibleTypes(state).length} total={state.types.length} />
          {visibleTypes(state).map((i) => {
            const choice = state.types[i]!;
            return (
              <Text key={choice.name} {...(i === state.typeIndex ? tone('accent') : {})} wrap="truncate-end">
                {i === state.typeIndex ? '❯ ' : '  '}
                {choice.name.padEnd(9)}
                <Text {...tone('muted')}>
                  {choice.prefix.padEnd(10)} from {choice.baseBranch.padEnd(6)} {choice.description}
                </Text>
              </Text>
            );
          })}
        </Box>
      ) : null}
      {state.step === 'name' || state.step === 'issue' || state.step === 'planning' ? (
        <Box flexDirection="column">
          <Text>
            Name: <TextField state={state.name} focused={state.step === 'name'} placeholder="e.g. login form" />
          </Text>
          {state.step !== 'name' ? (
            <Text>
              Issue number (optional):{' '}
              <TextField state={state.issue} focused={state.step === 'issue'} placeholder="e.g. 42" />
            </Text>
          ) : null}
          <Text>
            Branch: <Text bold>{candidate || type?.prefix}</Text>{' '}
            <Text {...tone('muted')}>from {type?.baseBranch}</Text>
          </Text>
          {state.refusal ? <Text {...tone('bad')}>✗ {state.refusal}</Text> : null}
          {state.step === 'planning' ? <Spinner label="checking the name and the base…" /> : null}
        </Box>
      ) : null}
      {state.step === 'confirm' && state.plan ? (
        <Box flexDirection="column">
          <Text>
            Create <Text bold>{state.plan.branch}</Text> from <Text bold>{state.plan.base}</Text> and switch to it?
          </Text>
          {state.plan.warnings.map((warning) => (
            <Text key={warning} {...tone('warn')}>
              ⚠ {warning}
            </Text>
          ))}
        </Box>
      ) : null}
      {state.step === 'creating' ? <Spinner label={`creating ${state.plan?.branch ?? ''}…`} /> : null}
      {state.step === 'done' ? (
        <Box flexDirection="column">
          <Text {...tone('good')}>✓ {state.message}</Text>
          <Text>{AFTER_BRANCH_CREATED}</Text>
        </Box>
      ) : null}
      {state.step === 'failed' ? <Text {...tone('bad')}>✗ {state.message}</Text> : null}
    </Frame>
  );
}
