// Every model, registered at boot: connectDb builds the indexes of all registered
// models before the first webhook, and some are otherwise imported only by code
// loaded on first use (the dashboard, dashboard/lazy-dashboard.router.ts).
import "./announcement.model";
import "./audit-log.model";
import "./case-clock.model";
import "./claim.model";
import "./complaint-message.model";
import "./complaint.model";
import "./flow-state.model";
import "./headman-code-attempt.model";
import "./headman-code.model";
import "./holiday.model";
import "./inbox-event.model";
import "./inbox-journal.model";
import "./login-attempt.model";
import "./meeting-report.model";
import "./meeting.model";
import "./member.model";
import "./officer-line.model";
import "./officer-session.model";
import "./officer.model";
import "./outbox-message.model";
import "./pledge-counter.model";
import "./pledge.model";
import "./reminder.model";
import "./village.model";
