// The built-in library as the browser gets it: every file of src/scenario/library, loaded when first asked for (Vite
// only; the headless runner reads the folder from disk).

const files = import.meta.glob<string>(['./library/*.scenario.json', './library/*.feature'], { query: '?raw', import: 'default' });

export interface LibraryFile {
  /** "three-wrong-pins.scenario.json" */
  name: string;
  text: string;
}

/** Every built-in scenario file, sorted by name. */
export async function libraryFiles(): Promise<LibraryFile[]> {
  const loaded = await Promise.all(Object.entries(files).map(async ([path, load]) => ({ name: path.split('/').pop() ?? path, text: await load() })));
  return loaded.sort((a, b) => a.name.localeCompare(b.name));
}
