/** The flows API's shapes, generated from /api/openapi.json. */
import type { components } from '../lib/api-types';

type Schemas = components['schemas'];
export type Flow = Schemas['Flow'];
export type FlowDefinition = Schemas['FlowDefinition'];
export type FlowStep = Schemas['FlowStep'];
export type FlowTrigger = Schemas['FlowTrigger'];
export type FlowDryRun = Schemas['FlowDryRun'];
export type FlowEnrolment = Schemas['FlowEnrolment'];
export type FlowTemplate = Schemas['FlowTemplate'];
export type FlowSettings = Schemas['FlowSettings'];
export type StepKind = FlowStep['kind'];
