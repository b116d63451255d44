// The name of a linked organization as the app last heard it from the server.

/** The organization's name from the app's links, else its id. */
export function orgNameOf(links: readonly { orgId: string; orgName: string }[], orgId: string): string {
  return links.find((link) => link.orgId === orgId)?.orgName ?? orgId;
}
