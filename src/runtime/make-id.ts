// Ids for what a SUPERUSER adds in Manager, made from the name typed: lowercase letters, digits and dashes, unique.

/** "Acme Citrix" -> "acme-citrix"; "-2", "-3" … appended while `taken` says the id is in use. Max 40 characters. */
export function makeId(name: string, taken: (id: string) => boolean, prefix = ''): string {
  const stem = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const base = `${prefix}${stem || 'item'}`.slice(0, 34).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
