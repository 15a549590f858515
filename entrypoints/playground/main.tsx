import { render } from 'preact';
import { Playground } from '@/components/playground/Playground';
import '@/components/palette.css';
import '@/components/playground/playground.css';

render(<Playground />, document.getElementById('app')!);
