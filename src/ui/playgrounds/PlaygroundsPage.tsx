export default function PlaygroundsPage() {
  return <h1>Playgrounds</h1>;
}
