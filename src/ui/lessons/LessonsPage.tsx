export default function LessonsPage() {
  return <h1>Lessons</h1>;
}
