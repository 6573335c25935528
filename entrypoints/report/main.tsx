// Evidence report page (report.html?site=…&kind=…&since=…&until=…): printable record of where the
// user's data went, read from the private log. Wiring only.
import { render } from 'preact';
import { EvidenceReport } from '@/components/report/EvidenceReport';
import { openLogDb } from '@/lib/log/log-store';
import '@/components/shared/theme.css';
import '@/components/shared/controls.css';
import '@/components/shared/page.css';
import '@/components/report/report.css';

render(<EvidenceReport db={() => openLogDb()} search={location.search} />, document.getElementById('app')!);
