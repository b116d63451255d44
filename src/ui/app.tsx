// The page shown until the screens exist: says plainly what the sandbox will be, and pretends nothing works yet.
export function App() {
  return (
    <main style={{ 'max-width': '42rem', margin: '3rem auto', padding: '0 1rem', 'font-family': 'system-ui, sans-serif', 'line-height': '1.5' }}>
      <h1>Code support sandbox</h1>
      <p>
        A training sandbox for supporting a mobile one-time-code service. It will show three places side by side on one
        simulated world: the <strong>Code app</strong> on a phone, the <strong>Manager</strong> console, and the
        organization's <strong>login page</strong>, with a server clock you control, phones whose clocks drift and whose
        network you switch off, and an event log you can replay.
      </p>
      <p>
        <strong>Not usable yet.</strong> The rules of the simulated server are built and tested; the screens come next.
      </p>
    </main>
  );
}
