import { render } from 'preact';
import { SidePanel } from '@/components/panel/SidePanel';
import '@/components/palette.css';
import '@/components/panel/panel.css';

render(<SidePanel />, document.getElementById('app')!);
