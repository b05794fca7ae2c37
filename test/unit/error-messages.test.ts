import { describe, expect, it } from 'vitest';
import { userMessageFor } from '../../bot/teams/error-messages.ts';
import {
  conflict,
  conflictReasons,
  DomainError,
  ErrorCode,
  forbidden,
  permissionNames,
  type ConflictReason,
  type Permission,
} from '../../src/errors.ts';

/** English that would give away an untranslated text. */
const english = /\b(the|error|errors|please|permission|reason|not allowed|forbidden|conflict|you|your|is not)\b/i;
/** What a template or an unfinished text leaves behind. */
const placeholder = /\$\{|\{\{|\{\w+\}|%[sd]|\bTODO\b|\bundefined\b|\bnull\b|XXX|\.\.\.|…/;

function expectSpecificDutch(message: string, generic: string): void {
  expect(message).not.toBe(generic);
  expect(message).toMatch(/^[A-Z"].*[.!"]$/s);
  expect(message).not.toMatch(english);
  expect(message).not.toMatch(placeholder);
}

describe('what a refusal or a conflict tells the user', () => {
  const genericRefusal = userMessageFor(new DomainError(ErrorCode.Forbidden, 'Refused'));
  const genericConflict = userMessageFor(new DomainError(ErrorCode.Conflict, 'Changed'));

  it.each(permissionNames)('a refusal of %s says in Dutch who may do it', (permission: Permission) => {
    expectSpecificDutch(userMessageFor(forbidden(permission, 'Refused')), genericRefusal);
  });

  it.each(conflictReasons)('a conflict for %s says in Dutch what happened', (reason: ConflictReason) => {
    expectSpecificDutch(userMessageFor(conflict(reason, 'Changed')), genericConflict);
  });

  it('no two reasons share a message, and an error without one gets the message of its code', () => {
    const texts = conflictReasons.map((reason) => userMessageFor(conflict(reason, 'Changed')));
    expect(new Set(texts).size).toBe(texts.length);
    expect(genericConflict).toBe(
      'Dat kan nu niet: iemand anders heeft dit intussen gewijzigd, of het past niet bij de huidige stand.',
    );
    expect(genericRefusal).toBe('Dat mag je met jouw rol niet doen.');
  });

  it('the factories put only the typed name in details, nothing else', () => {
    expect(forbidden('sessions.run', 'Only the chair').details).toEqual({ permission: 'sessions.run' });
    expect(conflict('sessionStarted', 'Began').details).toEqual({ reason: 'sessionStarted' });
    expect(forbidden('sessions.run', 'Only the chair').code).toBe(ErrorCode.Forbidden);
    expect(conflict('sessionStarted', 'Began').code).toBe(ErrorCode.Conflict);
  });
});
