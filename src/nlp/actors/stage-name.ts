/**
 * @module nlp/actors/stage-name
 * The actors stage's registry name, in its own module so that every part can stamp `via`
 * without importing the stage itself.
 */
export const ACTORS_STAGE = 'nlp.actors.v1';
