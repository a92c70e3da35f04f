"""Demo library: competencies, traits and role profiles (seeded by manage.py seed_demo)."""

COMPETENCIES = [
    {
        "slug": "customer-acumen",
        "name": "Customer acumen",
        "category": "Acumen",
        "definition": (
            "Understands the customer's industry, market pressures, competitors and the goals of "
            "the people in the buying group. Uses that understanding to frame conversations "
            "around what the customer is trying to achieve rather than around the product."
        ),
        "trainable": True,
        "anchors": [
            (
                "Knows little about the customer beyond the company name and the contact's title; "
                "conversations default to the product and generic claims."
            ),
            (
                "Has read the website and recent news but cannot connect them to the customer's "
                "priorities; industry references are surface-level or occasionally wrong."
            ),
            (
                "Describes the customer's business model, main competitors and current "
                "initiatives accurately, and opens meetings with a relevant, researched point of "
                "view."
            ),
            (
                "Links industry trends and the customer's stated strategy to the specific "
                "pressures felt by each stakeholder, and anticipates issues the customer has not "
                "yet raised."
            ),
            (
                "Is treated by customers as a peer who understands their market; brings insights "
                "they had not considered and can explain how peers in the industry have handled "
                "similar challenges."
            ),
        ],
    },
    {
        "slug": "business-acumen",
        "name": "Business and financial acumen",
        "category": "Acumen",
        "definition": (
            "Understands how companies make and spend money and reads the financial signals that "
            "shape a purchase. Can translate an operational problem into revenue, cost, margin, "
            "cash or risk terms that a finance leader accepts."
        ),
        "trainable": True,
        "anchors": [
            (
                "Cannot explain basic terms such as gross margin, operating expense or payback "
                "period, and avoids conversations with finance stakeholders."
            ),
            (
                "Uses financial terms correctly in simple cases but relies on vendor-supplied ROI "
                "claims without adapting them to the customer's numbers."
            ),
            (
                "Builds a simple, credible business case from the customer's own figures and "
                "explains the assumptions behind it in plain language."
            ),
            (
                "Reads an annual report or budget cycle to spot where money is being spent and "
                "why; tailors the business case to capital versus operating budgets and to the "
                "CFO's priorities."
            ),
            (
                "Co-builds the business case with the customer's finance team, stress-tests "
                "assumptions openly and is invited into budget discussions as a trusted "
                "contributor."
            ),
        ],
    },
    {
        "slug": "solution-acumen",
        "name": "Solution acumen",
        "category": "Acumen",
        "definition": (
            "Knows the company's offering, its realistic limits and how it compares with "
            "alternatives, including doing nothing. Maps capabilities to specific customer "
            "problems accurately and without overpromising."
        ),
        "trainable": True,
        "anchors": [
            (
                "Recites feature lists, answers technical questions incorrectly or commits to "
                "capabilities the product does not have."
            ),
            (
                "Knows the core features but struggles to explain how they solve a given problem; "
                "escalates most questions to specialists."
            ),
            (
                "Explains how the offering addresses the customer's stated problems, is candid "
                "about limitations and knows when to bring in a technical specialist."
            ),
            (
                "Positions the offering against named competitors and the status quo with "
                "accurate, fair comparisons, and shapes a configuration that fits the customer's "
                "environment."
            ),
            (
                "Designs creative, realistic solutions across the full portfolio, anticipates "
                "implementation risks and is consulted by product and presales colleagues for "
                "field insight."
            ),
        ],
    },
    {
        "slug": "operational-acumen",
        "name": "Operational acumen",
        "category": "Acumen",
        "definition": (
            "Understands how organizations really decide and get things done: formal approval "
            "paths, informal influence, procurement, legal and security reviews, and the politics "
            "between departments. Uses this to plan a realistic path to a signed agreement."
        ),
        "trainable": True,
        "anchors": [
            (
                "Assumes the first enthusiastic contact can buy; is repeatedly surprised by "
                "procurement, legal or a previously unknown approver late in the deal."
            ),
            (
                "Knows that approvals exist but learns about them only when they block the deal; "
                "has no map of who influences the decision."
            ),
            (
                "Asks early how similar purchases were approved, identifies the approvers and "
                "reviews required, and plans the timeline around them."
            ),
            (
                "Maps formal and informal influence, including skeptics and people with competing "
                "priorities, and works through an internal champion to address each."
            ),
            (
                "Anticipates organizational friction before it appears, helps the champion "
                "navigate internal politics and consistently closes on the date agreed with the "
                "customer."
            ),
        ],
    },
    {
        "slug": "discovery-questioning",
        "name": "Needs analysis and discovery questioning",
        "category": "Selling skills",
        "definition": (
            "Uses well-sequenced, open questions to understand the buyer's situation, problems, "
            "their causes and their consequences before proposing anything. Listens actively, "
            "follows the thread of the answers and confirms understanding."
        ),
        "trainable": True,
        "anchors": [
            (
                "Asks few questions, mostly closed or scripted, and moves to a product pitch "
                "within the first minutes of the conversation."
            ),
            (
                "Asks a checklist of questions but does not follow up on answers; captures "
                "symptoms without understanding causes or impact."
            ),
            (
                "Asks open questions that uncover the main problem, its causes and its business "
                "impact, and summarizes back accurately before moving on."
            ),
            (
                "Follows the buyer's answers with layered probes, quantifies the impact, uncovers "
                "needs of several stakeholders and surfaces problems the buyer had not fully "
                "articulated."
            ),
            (
                "Leads a discovery conversation the buyer describes as valuable in itself; "
                "reframes the buyer's understanding of the problem and builds shared agreement on "
                "what success would look like."
            ),
        ],
    },
    {
        "slug": "buying-process-alignment",
        "name": "Aligning to the buyer's buying process",
        "category": "Deal management",
        "definition": (
            "Identifies where the buyer is in their buying process and what must be true for them "
            "to move to the next step (the exit criteria). Matches sales activities to those "
            "steps rather than pushing the buyer through the seller's own stages."
        ),
        "trainable": True,
        "anchors": [
            (
                "Pushes every opportunity through the same sales steps regardless of the buyer's "
                "readiness; asks for the order before the buyer has agreed there is a problem "
                "worth solving."
            ),
            (
                "Recognizes broad buying stages but cannot say what the buyer needs to complete "
                "each one; next steps are seller-driven."
            ),
            (
                "Confirms with the buyer where they are in their process and what they need to "
                "move forward, and records verifiable exit criteria in the CRM."
            ),
            (
                "Builds a mutual plan with the buyer that lists their steps, owners and dates, "
                "and adapts quickly when the buying process changes."
            ),
            (
                "Helps buyers design a better buying process when theirs is unclear, anticipates "
                "the exit criteria of each stakeholder and rarely has deals stall without a known "
                "reason."
            ),
        ],
    },
    {
        "slug": "qualification",
        "name": "Qualification",
        "category": "Deal management",
        "definition": (
            "Determines early and honestly whether an opportunity is worth pursuing: a real "
            "problem, access to decision makers, budget or a path to it, a timeline driven by a "
            "compelling event, and a good fit. Walks away from or deprioritizes deals that do not "
            "qualify."
        ),
        "trainable": True,
        "anchors": [
            (
                "Treats every conversation as an opportunity; pipeline is full of deals with no "
                "confirmed problem, budget or decision maker."
            ),
            (
                "Asks qualification questions mechanically and accepts vague answers; rarely "
                "disqualifies anything."
            ),
            (
                "Confirms problem, impact, decision process, budget path and timeline with "
                "evidence, and disqualifies or parks deals that fall short."
            ),
            (
                "Requalifies as the deal evolves, tests the buyer's commitment with small asks "
                "and explains clearly to their manager why a deal is or is not real."
            ),
            (
                "Qualifies with a precision that makes their win rate and forecast noticeably "
                "better than peers; disqualifies early and respectfully, often keeping the door "
                "open for a better-timed opportunity."
            ),
        ],
    },
    {
        "slug": "pipeline-management",
        "name": "Pipeline management",
        "category": "Deal management",
        "definition": (
            "Keeps a pipeline that is large enough, healthy and accurately staged to meet "
            "targets. Reviews it regularly, advances or removes stalled deals and balances "
            "activity across early- and late-stage opportunities."
        ),
        "trainable": True,
        "anchors": [
            (
                "Pipeline is out of date or inflated; deal stages do not reflect reality and "
                "stale opportunities sit untouched for months."
            ),
            (
                "Updates the CRM mainly before reviews; knows the big deals but loses track of "
                "smaller ones and has gaps in early-stage coverage."
            ),
            (
                "Keeps stages, amounts and next steps current, reviews the pipeline weekly and "
                "maintains enough coverage for the coming quarters."
            ),
            (
                "Uses conversion rates and deal age to spot problems early, deliberately builds "
                "pipeline for future periods and removes deals that are not progressing."
            ),
            (
                "Manages the pipeline as a business: predicts shortfalls months ahead, takes "
                "corrective action before it is needed and helps peers or the team improve "
                "pipeline discipline."
            ),
        ],
    },
    {
        "slug": "forecasting",
        "name": "Forecasting",
        "category": "Deal management",
        "definition": (
            "Predicts which deals will close, when and for how much, based on evidence from the "
            "buyer rather than hope. Commits to a number and explains the risks and upside behind "
            "it."
        ),
        "trainable": True,
        "anchors": [
            (
                "Forecast is a guess or a wish; committed deals slip or disappear regularly and "
                "surprises are common."
            ),
            (
                "Forecasts the obvious deals correctly but is consistently optimistic on timing "
                "and amount; cannot explain the evidence behind a commit."
            ),
            (
                "Bases commit and best-case calls on buyer-verified milestones and is usually "
                "within a reasonable range of the actual result."
            ),
            (
                "Explains each forecast call with specific evidence and named risks, updates "
                "promptly when facts change and is rarely surprised at quarter end."
            ),
            (
                "Forecasts with consistent accuracy over many periods, is trusted by leadership "
                "to call the number and teaches others how to separate evidence from optimism."
            ),
        ],
    },
    {
        "slug": "prospecting",
        "name": "Prospecting and lead follow-up",
        "category": "Selling skills",
        "definition": (
            "Generates new conversations with well-chosen prospects through research, outreach "
            "across channels and fast, relevant follow-up on inbound leads and hand-offs. "
            "Sustains consistent activity and improves its own conversion rates."
        ),
        "trainable": True,
        "anchors": [
            (
                "Outreach is sporadic and generic; inbound leads wait days for follow-up and many "
                "are never contacted."
            ),
            (
                "Meets activity targets with templated messages but targets poorly and converts "
                "few contacts into conversations."
            ),
            (
                "Researches target accounts, personalizes outreach around a relevant trigger or "
                "problem, follows up leads promptly and books meetings consistently."
            ),
            (
                "Runs disciplined multi-channel sequences, tests and refines messages based on "
                "results and converts well above the team average."
            ),
            (
                "Builds a reliable, self-generated pipeline through referrals, trigger events and "
                "network, and shares messaging and methods that lift the whole team's results."
            ),
        ],
    },
    {
        "slug": "value-proposition",
        "name": "Crafting and delivering a value proposition",
        "category": "Selling skills",
        "definition": (
            "Articulates clearly why the buyer should act, why now and why with this company, in "
            "terms of the outcomes that matter to that buyer. Ties value directly to what was "
            "learned in discovery and quantifies it where possible."
        ),
        "trainable": True,
        "anchors": [
            (
                "Describes the product and company history; value statements are generic and "
                "could apply to any customer or competitor."
            ),
            (
                "Mentions benefits but does not connect them to the buyer's stated problems; "
                "struggles to explain why the buyer should act now."
            ),
            (
                "States a specific value proposition tied to the buyer's problems and impact, "
                "with a clear reason to act now and a credible differentiator."
            ),
            (
                "Tailors the value proposition to each stakeholder, quantifies outcomes with the "
                "buyer's own numbers and handles challenges to it with evidence."
            ),
            (
                "Creates a value story the buyer repeats internally in their own words; the "
                "champion uses it to win support from executives and finance."
            ),
        ],
    },
    {
        "slug": "presenting",
        "name": "Presenting",
        "category": "Selling skills",
        "definition": (
            "Delivers clear, well-structured presentations and demonstrations that are built "
            "around the audience's priorities. Manages time, questions and interruptions while "
            "keeping the room engaged."
        ),
        "trainable": True,
        "anchors": [
            (
                "Reads from slides, runs over time, shows features the audience did not ask about "
                "and loses the room's attention."
            ),
            (
                "Delivers a standard presentation competently but does not adapt it to the "
                "audience; handles unexpected questions awkwardly."
            ),
            (
                "Opens with the audience's goals, follows a clear structure, shows what matters "
                "to them and handles questions confidently."
            ),
            (
                "Reads the room and adjusts in real time, involves different stakeholders, and "
                "ends with a clear, agreed next step."
            ),
            (
                "Delivers presentations executives remember and discuss afterward; handles "
                "hostile questions calmly and turns them into productive discussion."
            ),
        ],
    },
    {
        "slug": "negotiating",
        "name": "Negotiating",
        "category": "Selling skills",
        "definition": (
            "Reaches agreements that protect value for both sides by preparing options, "
            "understanding the other party's interests and trading concessions rather than giving "
            "them away. Stays composed under pressure from procurement and executives."
        ),
        "trainable": True,
        "anchors": [
            (
                "Discounts at the first sign of resistance, negotiates against themselves and "
                "concedes terms without getting anything in return."
            ),
            (
                "Holds price briefly but has no plan; concessions are made reactively and late "
                "changes are accepted to save the deal."
            ),
            (
                "Prepares walk-away points and tradable items in advance, asks about the buyer's "
                "underlying interests and trades each concession for something of value."
            ),
            (
                "Anticipates procurement tactics, keeps negotiations anchored on value and shapes "
                "the structure of the deal rather than just the price."
            ),
            (
                "Negotiates complex, multi-party agreements that both sides consider fair; "
                "protects margin consistently while strengthening the relationship."
            ),
        ],
    },
    {
        "slug": "strategic-account-management",
        "name": "Strategic account management",
        "category": "Account management",
        "definition": (
            "Plans and grows important customer relationships over the long term. Understands the "
            "customer's strategy, maps relationships across the account, protects renewals and "
            "identifies expansion opportunities that deliver measurable value."
        ),
        "trainable": True,
        "anchors": [
            (
                "Manages accounts reactively: responds to requests and renewals as they come and "
                "knows only one or two contacts."
            ),
            (
                "Has an account plan on paper but rarely uses it; growth comes mostly from the "
                "customer asking for more."
            ),
            (
                "Maintains a current account plan with goals, relationship map and opportunities, "
                "and reviews value delivered with the customer regularly."
            ),
            (
                "Builds executive relationships, aligns the account plan to the customer's "
                "strategic priorities and develops expansion opportunities before the customer "
                "asks."
            ),
            (
                "Is seen by the customer as part of their planning; drives multi-year growth in "
                "the account and protects it against competitors through demonstrated results."
            ),
        ],
    },
    {
        "slug": "cross-functional-collaboration",
        "name": "Cross-functional collaboration on large deals",
        "category": "Account management",
        "definition": (
            "Brings together colleagues from presales, product, legal, finance, delivery and "
            "leadership to win and deliver large or complex deals. Orchestrates the team with "
            "clear roles, timelines and communication."
        ),
        "trainable": True,
        "anchors": [
            (
                "Works alone, pulls in colleagues at the last minute with unclear requests and "
                "blames them when the deal slips."
            ),
            (
                "Involves specialists when required but provides little context; meetings with "
                "the internal team are unstructured."
            ),
            (
                "Briefs colleagues clearly on the customer, the goal and their role, and keeps "
                "the internal team informed as the deal progresses."
            ),
            (
                "Plans the deal team's involvement early, assigns roles for each customer meeting "
                "and resolves internal conflicts over resources or terms constructively."
            ),
            (
                "Colleagues actively want to work on their deals; orchestrates executives and "
                "specialists into a coordinated team that customers comment on positively."
            ),
        ],
    },
    {
        "slug": "communication-style-adaptation",
        "name": "Adapting to the buyer's communication style",
        "category": "Selling skills",
        "definition": (
            "Recognizes how each buyer prefers to communicate, such as detail versus summary, "
            "pace, formality and channel, and adjusts their own approach so the message lands. "
            "Remains authentic while flexing style."
        ),
        "trainable": True,
        "anchors": [
            (
                "Communicates the same way with everyone; misses obvious signals such as "
                "impatience, confusion or a request for data."
            ),
            (
                "Notices some differences in style but adjusts inconsistently, usually only after "
                "the buyer signals frustration."
            ),
            (
                "Reads the buyer's preferences early and adapts pace, level of detail and channel "
                "accordingly."
            ),
            (
                "Adapts within a single meeting to several stakeholders with different styles, "
                "and prepares differently for analytical, relationship-driven or results-driven "
                "buyers."
            ),
            (
                "Builds rapport quickly with a very wide range of people; buyers comment that the "
                "seller communicates the way they think."
            ),
        ],
    },
    {
        "slug": "time-territory-management",
        "name": "Time and territory management",
        "category": "Self-management",
        "definition": (
            "Plans time and territory coverage to spend effort where it produces the most "
            "results. Prioritizes accounts and activities, protects selling time and keeps "
            "administrative work under control."
        ),
        "trainable": True,
        "anchors": [
            (
                "Reacts to whatever comes in; spends time on low-value accounts and tasks, and "
                "important activities slip."
            ),
            (
                "Keeps a calendar and to-do list but prioritizes by urgency rather than value; "
                "coverage of the territory is uneven."
            ),
            (
                "Segments accounts by potential, plans weekly priorities and blocks time for "
                "prospecting and deal work."
            ),
            (
                "Reviews where time is actually spent against results and reallocates effort "
                "deliberately; territory coverage is balanced and intentional."
            ),
            (
                "Runs the territory like a business plan, consistently producing strong results "
                "with sustainable effort, and shares planning methods that peers adopt."
            ),
        ],
    },
    {
        "slug": "coaching-others",
        "name": "Coaching others",
        "category": "Leadership",
        "definition": (
            "Develops the skills of sellers through regular observation, specific feedback and "
            "questions that help them find their own answers. Focuses coaching on the behaviors "
            "that most affect results and follows up on progress."
        ),
        "trainable": True,
        "anchors": [
            (
                "Rarely coaches; tells sellers what to do, takes over calls or deals, and gives "
                "feedback only when results are poor."
            ),
            (
                "Coaches occasionally and mainly on deal tactics; feedback is general (for "
                "example, 'ask better questions') and not followed up."
            ),
            (
                "Holds regular coaching sessions, observes calls, gives specific, behavior-based "
                "feedback and agrees on one or two development actions."
            ),
            (
                "Diagnoses each seller's skill gaps from data and observation, adapts coaching to "
                "the individual and tracks improvement over time."
            ),
            (
                "Builds a coaching culture in which sellers ask for feedback and coach each "
                "other; team members measurably improve and are promoted."
            ),
        ],
    },
]

TRAITS = [
    {
        "slug": "drive",
        "name": "Drive",
        "category": "Motivation",
        "definition": (
            "An internal push to achieve goals and keep working toward them without needing "
            "external pressure. Shows up as sustained effort, high personal standards and "
            "initiative."
        ),
        "trainable": False,
        "anchors": [
            (
                "Does the minimum expected; effort drops quickly without close supervision or a "
                "short-term incentive."
            ),
            (
                "Works hard when targets are near or the manager is watching, but energy is "
                "uneven over a quarter."
            ),
            (
                "Sets personal goals at or above target and works steadily toward them without "
                "needing reminders."
            ),
            (
                "Sets stretch goals, takes initiative to create opportunities and maintains "
                "effort through slow periods."
            ),
            (
                "Consistently exceeds demanding goals over years through self-directed effort and "
                "energizes others around them."
            ),
        ],
    },
    {
        "slug": "resilience",
        "name": "Resilience after rejection",
        "category": "Character",
        "definition": (
            "Recovers quickly from rejection, lost deals and setbacks and keeps performing. "
            "Treats a 'no' as information rather than a personal judgment."
        ),
        "trainable": False,
        "anchors": [
            (
                "Takes rejection personally; activity falls off after a loss and the person "
                "avoids calls that might bring another 'no'."
            ),
            (
                "Recovers from setbacks eventually, but a bad week visibly affects mood and "
                "activity for some time."
            ),
            (
                "Acknowledges disappointment, reflects briefly on what happened and returns to "
                "normal activity the same or next day."
            ),
            (
                "Uses rejection as data, asks lost prospects for feedback and adjusts approach "
                "while keeping energy and activity steady."
            ),
            (
                "Remains composed and productive through long runs of rejection or major losses "
                "and helps teammates recover from theirs."
            ),
        ],
    },
    {
        "slug": "competitiveness",
        "name": "Competitiveness",
        "category": "Motivation",
        "definition": (
            "Wants to win, measures themselves against goals, peers and competitors, and is "
            "motivated by rankings and results. Channels this into performance without "
            "undermining colleagues."
        ),
        "trainable": False,
        "anchors": [
            (
                "Shows little interest in results, rankings or winning against competitors; "
                "losing does not change behavior."
            ),
            (
                "Cares about winning in the moment but does not sustain the effort or compare "
                "themselves to a standard."
            ),
            (
                "Tracks their standing against targets and peers and is motivated to improve it; "
                "takes competitive losses seriously."
            ),
            (
                "Studies competitors, sets out to win specific deals and rankings, and competes "
                "hard while sharing with teammates."
            ),
            (
                "Consistently among the top performers and thrives under pressure; competes "
                "against their own best results and raises the team's standard."
            ),
        ],
    },
    {
        "slug": "conscientiousness",
        "name": "Conscientiousness",
        "category": "Character",
        "definition": (
            "Organized, thorough and dependable. Follows through on commitments, pays attention "
            "to detail and keeps records and processes in order."
        ),
        "trainable": False,
        "anchors": [
            (
                "Misses commitments and deadlines; CRM records, proposals and follow-ups are "
                "incomplete or inaccurate."
            ),
            (
                "Follows through on important items but lets smaller commitments and "
                "administrative work slide."
            ),
            (
                "Does what they say they will do, keeps accurate records and delivers work that "
                "rarely needs correction."
            ),
            (
                "Anticipates what needs to be done, builds simple systems to stay organized and "
                "catches errors before customers see them."
            ),
            (
                "Is known as completely reliable; their records, plans and follow-through are "
                "used as the model for the team."
            ),
        ],
    },
    {
        "slug": "coachability",
        "name": "Coachability",
        "category": "Learning",
        "definition": (
            "Seeks out and welcomes feedback, considers it without defensiveness and changes "
            "behavior as a result. Treats coaching as an investment rather than criticism."
        ),
        "trainable": False,
        "anchors": [
            (
                "Becomes defensive or dismissive when given feedback; explains why the feedback "
                "does not apply and behavior does not change."
            ),
            "Accepts feedback politely but rarely acts on it; changes are short-lived.",
            (
                "Listens to feedback, asks clarifying questions and applies it in the next "
                "relevant situation."
            ),
            (
                "Actively asks for feedback after calls and deals, tries new approaches quickly "
                "and reports back on what happened."
            ),
            (
                "Seeks out demanding coaches, turns feedback into rapid, lasting improvement and "
                "models openness to learning for the team."
            ),
        ],
    },
    {
        "slug": "curiosity",
        "name": "Curiosity",
        "category": "Learning",
        "definition": (
            "Genuinely wants to understand how things work, why people act as they do and what "
            "lies behind a customer's request. Asks questions and explores beyond what the task "
            "requires."
        ),
        "trainable": False,
        "anchors": [
            (
                "Shows little interest in the customer's business beyond what is needed to make a "
                "pitch; accepts first answers at face value."
            ),
            "Asks questions when prompted but does not explore further or research independently.",
            (
                "Asks 'why' and 'how' naturally, researches customers and industries and follows "
                "interesting threads in conversation."
            ),
            (
                "Pursues a deep understanding of customers, markets and their own craft; "
                "regularly learns something new and applies it."
            ),
            (
                "Insatiably interested in people and businesses; their questions lead to insights "
                "that change how customers and colleagues see a problem."
            ),
        ],
    },
    {
        "slug": "patience",
        "name": "Patience",
        "category": "Interpersonal",
        "definition": (
            "Holds back from pitching or proposing until the problem is well understood, and lets "
            "the buyer move at a pace that fits their process. Tolerates ambiguity and silence "
            "without rushing to fill it."
        ),
        "trainable": False,
        "anchors": [
            (
                "Jumps to solutions in the first minutes, interrupts the buyer and pushes for a "
                "decision before the buyer is ready."
            ),
            (
                "Intends to listen but regularly slips into pitching when the buyer mentions a "
                "familiar problem."
            ),
            (
                "Waits until the problem and its impact are understood before offering a "
                "solution, and respects the buyer's timeline."
            ),
            (
                "Comfortable with silence and ambiguity; lets buyers fully explain, and keeps "
                "long sales cycles moving without pressure tactics."
            ),
            (
                "Displays calm, unhurried confidence that buyers find reassuring; is known for "
                "never pitching before the problem is clear, even under quota pressure."
            ),
        ],
    },
    {
        "slug": "accountability",
        "name": "Accountability",
        "category": "Character",
        "definition": (
            "Takes ownership of results, commitments and mistakes without blaming others or "
            "circumstances. Focuses on what they can control and acts to fix problems."
        ),
        "trainable": False,
        "anchors": [
            (
                "Attributes missed results to the territory, the product, marketing or the "
                "manager; mistakes are hidden or denied."
            ),
            (
                "Admits mistakes when confronted but still explains results mainly through "
                "outside factors."
            ),
            (
                "Owns their results and mistakes openly, explains what they will do differently "
                "and follows through."
            ),
            (
                "Raises problems early, before anyone else notices, and proposes solutions; holds "
                "themselves to commitments even when circumstances change."
            ),
            (
                "Sets the standard for ownership on the team; takes responsibility for shared "
                "outcomes and helps others do the same without blame."
            ),
        ],
    },
    {
        "slug": "empathy",
        "name": "Empathy",
        "category": "Interpersonal",
        "definition": (
            "Understands and cares about how others feel and what they are experiencing, and "
            "responds in a way that shows it. Sees the situation from the buyer's or colleague's "
            "point of view."
        ),
        "trainable": False,
        "anchors": [
            (
                "Misses or ignores emotional cues; responds to a frustrated customer with a "
                "script or a product point."
            ),
            (
                "Recognizes strong emotions but responds awkwardly or moves past them quickly to "
                "get back to the agenda."
            ),
            (
                "Picks up on concerns and feelings, acknowledges them sincerely and adjusts the "
                "conversation accordingly."
            ),
            (
                "Understands the personal stakes for each stakeholder, such as career risk or "
                "workload, and addresses them thoughtfully."
            ),
            (
                "Builds deep trust because people feel genuinely understood; handles difficult "
                "conversations with great care and honesty."
            ),
        ],
    },
]

ROLE_PROFILES = [
    {
        "slug": "sales-development-representative",
        "title": "Sales Development Representative (outbound prospecting)",
        "role_name": "Sales Development Representative",
        "job_description": (
            "<p>The Sales Development Representative opens doors. You research target accounts, "
            "reach out to the people most likely to have the problems we solve, follow up on "
            "inbound interest quickly, and book qualified first meetings for our Account "
            "Executives.</p><p>Success in this role is measured by qualified meetings held and "
            "the pipeline they create. It is a demanding, high-activity role with plenty of "
            "rejection, and it is the usual first step toward an Account Executive position for "
            "people who show strong skills and a willingness to learn.</p>"
        ),
        "tasks": [
            (
                "Research assigned target accounts and identify the likely buyers and their "
                "probable priorities."
            ),
            "Run personalized outreach sequences by phone, email and social channels.",
            "Follow up on inbound leads and marketing hand-offs within the agreed response time.",
            (
                "Hold short discovery conversations to confirm a problem worth exploring and "
                "basic fit."
            ),
            "Book and hand off qualified meetings to Account Executives with clear notes.",
            "Keep activity, contact and lead status records accurate in the CRM.",
            "Review conversion results weekly with the manager and adjust messaging.",
        ],
        "psychometric_weight": 0.35,
        "requirements": [
            {"dimension": "prospecting", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "qualification", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "discovery-questioning", "weight": 2, "target": 3, "knock_out": None},
            {
                "dimension": "communication-style-adaptation",
                "weight": 2,
                "target": 3,
                "knock_out": None,
            },
            {
                "dimension": "time-territory-management",
                "weight": 2,
                "target": 3,
                "knock_out": None,
            },
            {"dimension": "drive", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "resilience", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "coachability", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "conscientiousness", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "curiosity", "weight": 1, "target": 3, "knock_out": None},
        ],
    },
    {
        "slug": "account-executive",
        "title": "Account Executive (new business)",
        "role_name": "Account Executive",
        "job_description": (
            "<p>The Account Executive wins new customers. You take opportunities from first "
            "meeting to signed agreement, working with buying groups of several stakeholders in "
            "mid-sized and large organizations, over sales cycles of two to six months.</p><p>We "
            "are looking for someone who diagnoses before prescribing, qualifies honestly, aligns "
            "to how each customer buys and builds a clear case for change. Success is measured by "
            "new annual contract value against quota, win rate and forecast accuracy.</p>"
        ),
        "tasks": [
            (
                "Run discovery meetings that uncover the buyer's problems, their impact and the "
                "people affected."
            ),
            "Qualify opportunities rigorously and disqualify those that are not a good fit.",
            "Map each buying group and agree a mutual plan with verifiable next steps.",
            (
                "Build and present value propositions and business cases tailored to each "
                "stakeholder."
            ),
            "Coordinate presales, legal and finance colleagues to progress complex opportunities.",
            "Negotiate commercial terms and close agreements that protect value.",
            "Maintain an accurate pipeline and forecast in the CRM.",
        ],
        "psychometric_weight": 0.33,
        "requirements": [
            {"dimension": "discovery-questioning", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "qualification", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "value-proposition", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "buying-process-alignment", "weight": 2, "target": 4, "knock_out": None},
            {"dimension": "negotiating", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "customer-acumen", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "resilience", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "coachability", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "curiosity", "weight": 2, "target": 4, "knock_out": None},
            {"dimension": "patience", "weight": 2, "target": 3, "knock_out": None},
        ],
    },
    {
        "slug": "account-manager",
        "title": "Account Manager (retention and growth)",
        "role_name": "Account Manager",
        "job_description": (
            "<p>The Account Manager keeps and grows our existing customers. You own a portfolio "
            "of established accounts, make sure each one gets the results it bought us for, "
            "secure renewals and find new ways we can help across the customer's "
            "organization.</p><p>You will work closely with customer success, support and "
            "delivery teams, and with executives on both sides. Success is measured by gross and "
            "net revenue retention, expansion revenue and customer satisfaction.</p>"
        ),
        "tasks": [
            "Build and maintain account plans for the most important customers in the portfolio.",
            "Hold regular business reviews that show the value customers have received.",
            "Manage renewals early and identify risks to retention before they become problems.",
            "Identify and develop expansion opportunities in new teams, sites or use cases.",
            (
                "Coordinate customer success, support and delivery colleagues around customer "
                "priorities."
            ),
            "Negotiate renewals and expansions that protect price and long-term value.",
            "Forecast renewals and expansion revenue accurately.",
        ],
        "psychometric_weight": 0.3,
        "requirements": [
            {
                "dimension": "strategic-account-management",
                "weight": 3,
                "target": 4,
                "knock_out": 2,
            },
            {"dimension": "customer-acumen", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "business-acumen", "weight": 2, "target": 4, "knock_out": None},
            {
                "dimension": "cross-functional-collaboration",
                "weight": 3,
                "target": 4,
                "knock_out": 2,
            },
            {"dimension": "negotiating", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "forecasting", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "empathy", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "conscientiousness", "weight": 2, "target": 4, "knock_out": None},
            {"dimension": "accountability", "weight": 2, "target": 4, "knock_out": None},
        ],
    },
    {
        "slug": "frontline-sales-manager",
        "title": "Frontline Sales Manager",
        "role_name": "Frontline Sales Manager",
        "job_description": (
            "<p>The Frontline Sales Manager leads a team of six to ten sellers. You hire well, "
            "coach every week, run a disciplined pipeline and forecast rhythm and remove the "
            "obstacles that keep your team from selling.</p><p>This is a leadership role, not a "
            "senior selling role: your results come through the team. Success is measured by team "
            "quota attainment, forecast accuracy, ramp time of new hires and retention of good "
            "performers.</p>"
        ),
        "tasks": [
            (
                "Coach each seller regularly on skills and deals, based on observed calls and "
                "meetings."
            ),
            "Run weekly pipeline reviews and a consistent forecasting process.",
            (
                "Hire sellers using the structured selection process and take part in calibration "
                "sessions."
            ),
            "Onboard new hires and help them reach productivity quickly.",
            "Set clear expectations and address performance problems early and fairly.",
            "Represent the team's needs to marketing, operations and senior leadership.",
            "Remove low-value administrative work that takes sellers away from customers.",
        ],
        "psychometric_weight": 0.3,
        "requirements": [
            {"dimension": "coaching-others", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "pipeline-management", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "forecasting", "weight": 3, "target": 4, "knock_out": 2},
            {"dimension": "qualification", "weight": 2, "target": 4, "knock_out": None},
            {"dimension": "operational-acumen", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "business-acumen", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "accountability", "weight": 3, "target": 4, "knock_out": 3},
            {"dimension": "empathy", "weight": 2, "target": 3, "knock_out": None},
            {"dimension": "coachability", "weight": 2, "target": 4, "knock_out": None},
            {"dimension": "competitiveness", "weight": 1, "target": 3, "knock_out": None},
        ],
    },
]

# How often each demo task comes up, in the order of the profile's "tasks".
TASK_FREQUENCIES = {
    "sales-development-representative": [
        "daily", "daily", "daily", "daily", "daily", "daily", "weekly"],
    "account-executive": [
        "weekly", "weekly", "weekly", "weekly", "weekly", "monthly", "weekly"],
    "account-manager": [
        "quarterly", "quarterly", "monthly", "monthly", "weekly", "quarterly", "monthly"],
    "frontline-sales-manager": [
        "weekly", "weekly", "occasional", "occasional", "weekly", "monthly", "monthly"],
}
