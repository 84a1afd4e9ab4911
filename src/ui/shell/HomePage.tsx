export function HomePage() {
  return (
    <section className="home">
      <h1>Embedding Lab</h1>
      <p className="lead">
        Week 6, from autoencoders to embeddings, as a lab: train word2vec in this tab and watch words find their
        places, then take the vectors apart.
      </p>
      <ul className="home-cards">
        <li>
          <a href="#/lab">
            <strong>Lab</strong>
            <span>Train skip-gram or CBOW on a real corpus, live, with a loss curve and a moving map of words.</span>
          </a>
        </li>
        <li>
          <a href="#/lessons">
            <strong>Lessons</strong>
            <span>Ten short lessons with formulas, widgets and self-checks, from the autoencoder to bias.</span>
          </a>
        </li>
        <li>
          <a href="#/playgrounds">
            <strong>Playgrounds</strong>
            <span>Analogies, neighbours, vector arithmetic, semantic axes, evaluation and bias tests.</span>
          </a>
        </li>
      </ul>
      <p>Everything runs on your machine: your texts and vectors never leave this page.</p>
    </section>
  );
}
