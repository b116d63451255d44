// Entry point: mounts the sandbox's page.
import { render } from 'solid-js/web';
import { App } from './ui/app';
import './ui/styles.css';

document.documentElement.dataset.build = __APP_BUILD__;
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
