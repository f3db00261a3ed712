import './styles.css';
import { startApp } from './app.ts';
import { mountEmbedButton } from './modes/embed-dialog.ts';
import { isPresenterUrl, startPresenter } from './modes/presenter.ts';

// The briefing's presenter window is this same app in a second window, without the map (src/modes/presenter.ts).
if (isPresenterUrl(window.location.search)) startPresenter();
else {
  const app = startApp();
  mountEmbedButton(app.store);
}
