/**
 * Importers from the standard formats into the edition format: plain functions that return a
 * validated edition and the warnings for whatever they could not map.
 */
export { importIiifManifest, resolveLanguageMap, type IiifImportOptions } from './iiif.js';
export { importMetsAlto, type MetsAltoImportOptions } from './mets-alto.js';
export { importImageMap, type ImageMapImportOptions } from './image-map.js';
export { ImportError, type ImportResult, type ImportWarning, type ParseDocument } from './common.js';
