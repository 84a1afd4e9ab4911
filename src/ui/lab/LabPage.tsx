export default function LabPage() {
  return <h1>Lab</h1>;
}
