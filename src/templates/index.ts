export {
  renderTemplate,
  compileTemplate,
  renderCompiled,
  mergeContexts,
  checkTemplate,
  discountCode,
  htmlToText,
  type RenderedMail,
  type TemplateSource,
  type MergeContext,
  type RenderContext,
} from './render.js';
