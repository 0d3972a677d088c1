export function App() {
  return (
    <main data-testid="app">
      <h1>AKS network designer</h1>
    </main>
  );
}
