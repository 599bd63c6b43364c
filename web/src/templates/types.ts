/** The templates API's shapes, generated from /api/openapi.json. */
import type { components } from '../lib/api-types';

type Schemas = components['schemas'];
export type Template = Schemas['Template'];
export type RenderedMail = Schemas['RenderedMail'];
export type MergeField = Schemas['MergeField'];
