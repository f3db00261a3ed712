// Entry of embed.html: only wiring, like src/main.ts.
import '../styles.css';
import './embed.css';
import { startEmbed } from './embed.ts';

startEmbed();
