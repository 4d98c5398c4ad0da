import { render } from 'preact';
import '../../components/page.css';
import '../../components/card.css';
import './options.css';
import { OptionsApp } from './OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
