// A widget that throws while rendering shows an error box naming the lesson file and line; the lesson goes on.
import { Component, type ReactNode } from 'react';

interface Props {
  where: string;
  children: ReactNode;
}

export class WidgetBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="lesson-error" role="alert">
          <strong>This widget stopped working</strong> ({this.props.where}): {this.state.error.message}
          <div>
            <button type="button" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          </div>
        </div>
      );
    }
    return this.props.children;
  }
}
