/**
 * The Noto fonts CivicDesk ships for scripts a fresh Windows machine may not show (weight 400,
 * the script's own subset only). Imported only by the Languages place and the customer view,
 * which are loaded on demand, so the rest of the workstation does not carry them. The
 * Content-Security-Policy allows fonts from 'self'.
 */
import '@fontsource/noto-sans-ethiopic/ethiopic-400.css';
import '@fontsource/noto-sans-bengali/bengali-400.css';
import '@fontsource/noto-sans-thaana/thaana-400.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-gurmukhi/gurmukhi-400.css';
import '@fontsource/noto-sans-tamil/tamil-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-tc/chinese-traditional-400.css';
