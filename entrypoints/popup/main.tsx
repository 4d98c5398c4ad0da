import { render } from 'preact';
import '../../components/page.css';
import '../../components/card.css';
import './popup.css';
import { PopupApp } from './PopupApp';

render(<PopupApp />, document.getElementById('app')!);
