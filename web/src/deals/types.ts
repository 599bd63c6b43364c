import type { components } from '../lib/api-types';

/** The deals API's shapes, generated from /api/openapi.json (Pipeline, DealBoard, Deal, DealStageChange). */
type Schemas = components['schemas'];
export type Stage = Schemas['PipelineStage'];
export type StageKind = Stage['kind'];
export type Pipeline = Schemas['Pipeline'];
export type DealCard = Schemas['DealCard'];
export type Board = Schemas['DealBoard'];
export type BoardColumn = Board['columns'][number];
export type Deal = Schemas['Deal'];
export type StageChange = Schemas['DealStageChange'];
