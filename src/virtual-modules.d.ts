// Modules that exist only inside the Vite build (src/pipeline/vite-plugin.ts).
declare module 'virtual:corridors-data' {
  /** the data folder of this build, relative to the site root, with a trailing slash: data/<content hash>/ */
  export const DATA_BASE: string;
}
