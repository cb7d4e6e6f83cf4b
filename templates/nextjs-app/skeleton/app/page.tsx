export const dynamic = "force-dynamic";

export default function Home() {
  const renderedAt = new Date().toISOString();
  return (
    <main>
      <h1>${{ values.name }}</h1>
      <p>${{ values.description }}</p>
      <p>Server-rendered at {renderedAt}. Owned by ${{ values.owner }}.</p>
    </main>
  );
}
