// Every migration, in order. Listed by hand (no globs) so the compiled desk and the CLI agree.
import { Initial1795768969410 } from './1795768969410-Initial.js';
import { SlaTimers1795770538493 } from './1795770538493-SlaTimers.js';
import { Routing1795771629979 } from './1795771629979-Routing.js';
import { RoutingExclusion1795774390681 } from './1795774390681-RoutingExclusion.js';
import { Tickets1795777051678 } from './1795777051678-Tickets.js';
import { CauseModels1795778000000 } from './1795778000000-CauseModels.js';
import { KnowledgeBase1795777091160 } from './1795777091160-KnowledgeBase.js';
import { Csat1795778338552 } from './1795778338552-Csat.js';
import { ClientReports1795778500000 } from './1795778500000-ClientReports.js';
import { Analytics1795781310984 } from './1795781310984-Analytics.js';
import { AuthTokens1796167664477 } from './1796167664477-AuthTokens.js';
import { KbSimilarQuestions1796169408351 } from './1796169408351-KbSimilarQuestions.js';
import { KbCharGrams1796169500000 } from './1796169500000-KbCharGrams.js';
import { OrderPlatformUpdatedAt1796170493251 } from './1796170493251-OrderPlatformUpdatedAt.js';
import { MaskKbGaps1796170600000 } from './1796170600000-MaskKbGaps.js';
import { InboxSearch1796171000000 } from './1796171000000-InboxSearch.js';
import { AdminSetup1796188645996 } from './1796188645996-AdminSetup.js';

export const MIGRATIONS = [Initial1795768969410, SlaTimers1795770538493, Routing1795771629979, RoutingExclusion1795774390681, Tickets1795777051678, KnowledgeBase1795777091160, CauseModels1795778000000, Csat1795778338552, ClientReports1795778500000, Analytics1795781310984, AuthTokens1796167664477, KbSimilarQuestions1796169408351, KbCharGrams1796169500000, OrderPlatformUpdatedAt1796170493251, MaskKbGaps1796170600000, InboxSearch1796171000000, AdminSetup1796188645996];
