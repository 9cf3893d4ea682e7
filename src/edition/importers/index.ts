/**
 * Importers from the standard formats into the edition format: plain functions that return a
 * validated edition and the warnings for whatever they could not map.
 */
export {
  importIiifManifest,
  iiifCollectionManifests,
  iiifReferences,
  resolveLanguageMap,
  type CollectionItem,
  type IiifImportOptions,
} from './iiif.js';
export { importMetsAlto, type MetsAltoImportOptions } from './mets-alto.js';
export { importAlto, type AltoImportOptions, type AltoPageInput } from './alto.js';
export { importImageMap, articleKey, type ImageMapImportOptions } from './image-map.js';
export { readArticlePage, type ArticlePage } from './article-page.js';
export { detectLanguage, editionId, isKnownLanguage, joinLines, parseDate, useRomanizer } from './text.js';
export type { ImageMapper } from './images.js';
export { ImportError, type ImportResult, type ImportWarning, type ParseDocument } from './common.js';
