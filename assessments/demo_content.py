"""Demo situational-judgment test and roleplay exercise."""

SJT = {
    "slug": "ae-judgment",
    "title": "Account Executive situational judgment",
    "instructions": (
        "Each scenario describes a situation an Account Executive could face with a new-business "
        "prospect. Read it carefully, then rate how effective you think each possible response "
        "would be, from 1 (very ineffective) to 5 (very effective); more than one response can "
        "deserve the same rating. You have 30 minutes for the whole test, and your answers save "
        "automatically as you go, so you can leave and return within the time limit."
    ),
    "time_limit_minutes": 30,
    "scoring_method": "rate_each",
    "scenarios": [
        {
            "title": "The eager demo request",
            "situation": (
                "An operations director at a mid-sized logistics company fills in the website "
                "form asking for a demo. When you call, she says she has seen a competitor's "
                "product and wants to see yours tomorrow so she can 'compare features'. She has "
                "30 minutes free and sounds in a hurry. You know very little about her situation."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["patience", "discovery-questioning"],
            "options": [
                {
                    "text": (
                        "Agree to the demo tomorrow and show the standard feature tour so she can "
                        "compare like for like."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Agree to meet tomorrow, but ask for the first ten minutes to understand "
                        "what prompted the search and what a good outcome looks like, then tailor "
                        "what you show."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Ask two or three quick questions now about what triggered the evaluation "
                        "and who else is involved, then shape tomorrow's session around her "
                        "answers."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Tell her you never demo without a full discovery meeting first and "
                        "propose a one-hour call next week."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Send a recorded demo and a feature comparison sheet so she can review "
                        "them in her own time."
                    ),
                    "key": 1,
                },
            ],
        },
        {
            "title": "The champion who cannot name the signer",
            "situation": (
                "After three good meetings, your main contact, an IT manager, tells you the team "
                "loves your solution and wants to move forward. When you ask how a purchase of "
                "this size gets approved, he says he is 'not totally sure' but thinks his "
                "director will sign off. You have never spoken to the director, and the deal "
                "would be the largest in your pipeline."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["qualification", "buying-process-alignment"],
            "options": [
                {
                    "text": (
                        "Move the deal to the commit category in your forecast, since the team is "
                        "clearly convinced."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Ask him to walk you through how the last comparable purchase was "
                        "approved, and who was involved at each step."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Ask whether he would be comfortable introducing you to the director, and "
                        "offer to help him prepare a short summary for that conversation."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Email the director directly, without telling your contact, to introduce "
                        "yourself and request a meeting."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Send the proposal to your contact and ask him to forward it to whoever "
                        "needs to approve it."
                    ),
                    "key": 2,
                },
            ],
        },
        {
            "title": "The procurement squeeze",
            "situation": (
                "You have agreed scope and price with the business sponsor of a large deal. The "
                "contract moves to procurement, who tell you they need a 25 percent discount to "
                "'meet budget' and that a competitor has offered a lower price. The sponsor has "
                "told you privately that your solution is the preferred choice. Your quarter ends "
                "in three weeks."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["negotiating"],
            "options": [
                {
                    "text": "Offer the 25 percent to protect the deal and the quarter.",
                    "key": 1,
                },
                {
                    "text": (
                        "Ask procurement what is driving the budget gap and what flexibility "
                        "exists on term length, payment schedule or scope."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Restate the value agreed with the sponsor and offer a smaller concession "
                        "only in exchange for something you value, such as a longer term or "
                        "signature by a set date."
                    ),
                    "key": 5,
                },
                {
                    "text": "Refuse any change and tell procurement the price is final.",
                    "key": 2,
                },
                {
                    "text": (
                        "Ask the sponsor to confirm the budget and the preferred-vendor position "
                        "internally before you respond to procurement."
                    ),
                    "key": 4,
                },
            ],
        },
        {
            "title": "Send me a proposal",
            "situation": (
                "At the end of a friendly 30-minute first meeting, the head of customer service "
                "at a software company says, 'This sounds interesting. Just send me a proposal "
                "and pricing and I will take a look.' You learned that response times are slow, "
                "but not why or what it costs them, and no one else from the company has been "
                "involved."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["buying-process-alignment", "discovery-questioning"],
            "options": [
                {
                    "text": (
                        "Send a standard proposal with list pricing the same day to keep "
                        "momentum."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Agree, and ask for a short follow-up call to confirm the scope and the "
                        "business impact so the proposal is accurate and useful to her."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Ask what she will do with the proposal once she has it, and who else "
                        "will need to see it before anything can happen."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Send a price range by email and wait for her to come back with "
                        "questions."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Tell her proposals are only prepared after a full evaluation process and "
                        "send her your standard evaluation plan."
                    ),
                    "key": 1,
                },
            ],
        },
        {
            "title": "The big loss",
            "situation": (
                "You have worked on a major opportunity for five months, and it was a third of "
                "your annual target. This morning the buyer calls to say they have chosen a "
                "competitor. You feel frustrated, and you have two prospecting calls scheduled "
                "for this afternoon."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["resilience"],
            "options": [
                {
                    "text": "Cancel the afternoon calls and take the rest of the day to recover.",
                    "key": 2,
                },
                {
                    "text": (
                        "Thank the buyer, ask if they would share what drove the decision, and "
                        "keep your afternoon calls."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Keep the calls, then block time later in the week to review the deal "
                        "with your manager and note what you would do differently."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Tell the buyer they are making a mistake and list the competitor's "
                        "weaknesses."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Keep the calls but tell colleagues the loss was down to pricing set by "
                        "management."
                    ),
                    "key": 2,
                },
            ],
        },
        {
            "title": "Feedback you disagree with",
            "situation": (
                "Your manager listened to a recording of your discovery call and tells you that "
                "you spoke for about 70 percent of the time and answered your own questions "
                "twice. You felt the call went well, and the prospect agreed to a second meeting."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["coachability"],
            "options": [
                {
                    "text": (
                        "Point out that the prospect agreed to a next step, so the approach "
                        "clearly worked."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Ask your manager to show you the moments in the recording and suggest "
                        "what you could have done instead."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Thank your manager and plan to count your questions and talk time on "
                        "your next three calls, then review them together."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Accept the feedback politely but keep your style, since every seller is "
                        "different."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Listen to the recording yourself later to decide whether the feedback is "
                        "fair."
                    ),
                    "key": 3,
                },
            ],
        },
        {
            "title": "The CFO's question",
            "situation": (
                "In a meeting you expected to be with the operations team, the CFO joins "
                "unexpectedly. After five minutes she says, 'I have a lot of requests for "
                "spending this year. Why should this one be a priority now?' You have a good "
                "understanding of the operational problem from earlier meetings, but you have not "
                "discussed numbers with finance."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["value-proposition"],
            "options": [
                {
                    "text": (
                        "Walk her through the product's main features and your company's customer "
                        "list."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Summarize the operational problem and its impact as the team described "
                        "it, then ask her how she would want that impact measured."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Give her the average return your customers achieve, as stated in your "
                        "marketing material."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Say you would rather come back with a full business case, and ask which "
                        "numbers and assumptions she would expect to see."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Ask the operations lead in the room to answer, since it is their "
                        "project."
                    ),
                    "key": 2,
                },
            ],
        },
        {
            "title": "An unfamiliar industry",
            "situation": (
                "You have a first meeting in two days with the chief operating officer of a "
                "regional hospital group. You have never sold into healthcare, and your usual "
                "customers are manufacturers. Your contact booked the meeting after attending one "
                "of your webinars."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["customer-acumen", "curiosity"],
            "options": [
                {
                    "text": (
                        "Use your standard manufacturing presentation, since the product works "
                        "the same way."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Read the group's annual report and recent news, and look up the main "
                        "pressures on regional hospitals, such as staffing and regulation."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Ask a colleague who has sold to healthcare for a short conversation "
                        "about what matters to hospital operations leaders."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Plan to open the meeting by admitting you are new to healthcare and "
                        "asking the COO to teach you how the business works."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Prepare questions that test your assumptions about their priorities "
                        "rather than a pitch."
                    ),
                    "key": 4,
                },
            ],
        },
        {
            "title": "Happy with the current vendor",
            "situation": (
                "A prospect you contacted tells you on the phone, 'We are happy with our current "
                "provider and we are not looking to change.' Your research shows that their "
                "competitors have recently moved to newer approaches similar to yours, and their "
                "last two quarterly reports mentioned rising service costs."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["value-proposition", "curiosity"],
            "options": [
                {
                    "text": (
                        "Thank them and end the call; they have told you they are not interested."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Acknowledge that, and ask what they value most about the current "
                        "provider and what they would improve if they could."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Tell them their competitors are moving ahead and they risk falling "
                        "behind."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Mention the rising service costs you saw in their reports and ask "
                        "whether that is a priority for them this year."
                    ),
                    "key": 4,
                },
                {
                    "text": "Offer a discount on the first year to make switching worthwhile.",
                    "key": 1,
                },
            ],
        },
        {
            "title": "The deal that went quiet",
            "situation": (
                "Your deal passed the technical evaluation two weeks ago. It then went to the "
                "customer's security team for review, and since then your champion has not "
                "replied to two emails or a phone message. The close date in your CRM is at the "
                "end of this month."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["buying-process-alignment", "qualification"],
            "options": [
                {
                    "text": "Keep the close date and send a reminder email every two days.",
                    "key": 1,
                },
                {
                    "text": (
                        "Call your champion, acknowledge they are busy and ask what the security "
                        "review involves and whether you can help with documentation or a call "
                        "with your security team."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Reach out to another contact you met during the evaluation to ask how "
                        "the review is progressing."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Move the close date out and downgrade the deal in your forecast until "
                        "you have a confirmed next step."
                    ),
                    "key": 4,
                },
                {
                    "text": "Offer a discount if they sign by the end of the month.",
                    "key": 1,
                },
            ],
        },
        {
            "title": "The quarter-end pull-in",
            "situation": (
                "Your manager asks you to pull forward a deal planned for next quarter by "
                "offering a 15 percent discount for signature this month. The buyer has told you "
                "their budget is approved for next quarter and their legal review has not "
                "started. You believe the deal will close on its current timeline."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["negotiating", "qualification"],
            "options": [
                {
                    "text": "Offer the discount immediately as your manager asked.",
                    "key": 2,
                },
                {
                    "text": (
                        "Explain to your manager what you know about the buyer's budget and legal "
                        "timing, and discuss whether a pull-in is realistic."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Ask the buyer whether anything would make signing earlier valuable to "
                        "them, without offering a discount up front."
                    ),
                    "key": 4,
                },
                {
                    "text": "Tell the buyer the discount expires this month to create urgency.",
                    "key": 1,
                },
                {
                    "text": (
                        "Quietly keep the deal in next quarter and say nothing to your manager."
                    ),
                    "key": 1,
                },
            ],
        },
        {
            "title": "Not the problem you solve",
            "situation": (
                "Halfway through a discovery meeting with a promising account, it becomes clear "
                "that the prospect's most urgent problem is data quality in their ERP system. "
                "Your product would help with a secondary issue they mentioned, but they say that "
                "issue is not a priority this year."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["qualification", "discovery-questioning"],
            "options": [
                {
                    "text": (
                        "Reposition your product as a data quality solution so the opportunity "
                        "stays alive."
                    ),
                    "key": 1,
                },
                {
                    "text": (
                        "Explore the secondary issue further to check whether it has more impact "
                        "than they realize, and accept their answer if it does not."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Tell them honestly that you are not the right fit for the urgent "
                        "problem, suggest who might be, and agree when to reconnect."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Keep the opportunity open in your pipeline at its original value and "
                        "follow up monthly."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Ask whether solving the data quality issue will create new needs later "
                        "on, and note them for a future conversation."
                    ),
                    "key": 3,
                },
            ],
        },
        {
            "title": "Stakeholders who disagree",
            "situation": (
                "In a discovery meeting with four people from a retail chain, the head of stores "
                "says the problem is staff scheduling, while the finance director says it is "
                "overtime cost and the IT lead says the real problem is outdated systems. The "
                "discussion becomes tense, and everyone turns to you."
            ),
            "question": "Rate how effective each response would be.",
            "dimensions": ["discovery-questioning", "customer-acumen"],
            "options": [
                {
                    "text": "Say your product solves all three problems and move to the demo.",
                    "key": 1,
                },
                {
                    "text": (
                        "Reflect back each view, and ask questions that explore how the three "
                        "issues connect and which one the business feels most."
                    ),
                    "key": 5,
                },
                {
                    "text": (
                        "Side with the most senior person in the room, since they will likely "
                        "make the decision."
                    ),
                    "key": 2,
                },
                {
                    "text": (
                        "Suggest a short follow-up with each person separately to understand "
                        "their view before agreeing on priorities together."
                    ),
                    "key": 4,
                },
                {
                    "text": (
                        "Ask the group what outcome they would all need to see in a year to call "
                        "this project a success."
                    ),
                    "key": 4,
                },
            ],
        },
    ],
}

ROLEPLAY = {
    "slug": "discovery-call",
    "title": "Discovery call with a VP of Operations",
    "candidate_brief": (
        "You are an Account Executive for a company that sells a scheduling and dispatch platform "
        "for businesses with field technicians. You have a 25-minute video call with Dana Reyes, "
        "VP of Operations at Northline Facility Services, a regional company with about 180 "
        "technicians who maintain heating, cooling and electrical systems in commercial "
        "buildings. Dana agreed to the call after replying to an email you sent about scheduling "
        "efficiency; you have not spoken before. From public information you know Northline has "
        "grown quickly through two acquisitions in the last three years. Your goal is to "
        "understand Dana's situation, the problems behind it and their impact, and to agree on a "
        "sensible next step if there is one. You do not need to demonstrate the product, and no "
        "slides are available. You may take notes during the call. Treat the assessor playing "
        "Dana as a real buyer, and conduct the call as you would in your job."
    ),
    "buyer_brief": (
        "You are Dana Reyes, VP of Operations at Northline Facility Services, and you took the "
        "call because the email arrived on a bad week. Your hidden pains: technician overtime has "
        "risen sharply since the acquisitions, the first-visit fix rate has dropped because "
        "technicians often arrive without the right parts, and six weeks ago Northline lost a "
        "large commercial contract after missing response-time commitments. The CFO has asked you "
        "to cut overtime cost by 15 percent this year, and you are worried about your credibility "
        "with the CEO after the lost contract. Dispatch today runs on spreadsheets and a "
        "whiteboard, managed by a long-serving dispatch lead, Marco, whom the technicians trust. "
        "Three years ago a scheduling system was rolled out and abandoned within months because "
        "technicians refused to use it, and that still makes you skeptical. Start the call polite "
        "but reserved, and answer the first questions briefly. If the candidate starts pitching "
        "before understanding your problems, say, 'We tried software before and it did not work,' "
        "and then, 'Just send me some pricing.' Reveal the lost contract and the overtime target "
        "only if the candidate asks about recent changes, customer commitments or what is on your "
        "mind this year. Open up further if they ask about the previous rollout, show interest in "
        "why it failed and acknowledge the technicians' point of view. If asked how a decision "
        "would be made, explain that the CFO approves anything over 50,000 dollars, IT must "
        "review integration with your accounting system, and Marco's support is essential. Budget "
        "is set in the third quarter, so a purchase this year would need a business case within "
        "the next two months. Agree to a second meeting with Marco and the IT manager only if the "
        "candidate has understood the problem and its impact and proposes a next step that helps "
        "you."
    ),
    "duration_minutes": 25,
    "behaviours": [
        {
            "dimension": "discovery-questioning",
            "observable": (
                "Asks open questions that move from the current situation to specific problems, "
                "their causes and their cost, and builds each question on the previous answer. "
                "Summarizes back what was heard and checks it with the buyer."
            ),
        },
        {
            "dimension": "patience",
            "observable": (
                "Does not describe the product or propose a solution until the problems and their "
                "impact are understood, and lets the buyer finish answers and silences without "
                "interrupting. Handles the 'send me pricing' request without rushing to a price."
            ),
        },
        {
            "dimension": "curiosity",
            "observable": (
                "Explores the failed rollout and the acquisitions with genuine interest, asking "
                "why things happened rather than only what happened. Follows unexpected threads "
                "such as the technicians' trust in the dispatch lead."
            ),
        },
        {
            "dimension": "buying-process-alignment",
            "observable": (
                "Asks how a decision like this would be made, who would be involved and what the "
                "timeline and budget cycle look like. Proposes a next step that fits where the "
                "buyer is, such as a meeting with the dispatch lead and IT, rather than a "
                "proposal."
            ),
        },
        {
            "dimension": "qualification",
            "observable": (
                "Establishes whether there is a compelling reason to act (the lost contract and "
                "the overtime target), who approves spending and when budget is set. Makes an "
                "honest judgment about whether to pursue the opportunity and on what terms."
            ),
        },
        {
            "dimension": "value-proposition",
            "observable": (
                "If the conversation reaches it, links potential value only to the problems the "
                "buyer described, such as overtime cost and response-time commitments, using the "
                "buyer's own words and figures rather than generic claims."
            ),
        },
    ],
}

CANDIDATE_NAMES = [
    ("Zoë", "Łukasiewicz"),
    ("Ngọc", "Nguyễn"),
    ("Søren", "Ødegård"),
    ("Amara", "Eze"),
    ("Mateo", "Fernández"),
    ("Divya", "Raghunathan"),
    ("Haruto", "Tanaka"),
    ("Fatima", "Al-Sayed"),
    ("Liam", "O'Connor"),
    ("Ana", "Kovačević"),
    ("Kofi", "Asante"),
    ("Isabela", "Conceição"),
    ("Jonas", "Müller"),
    ("Mei", "Chen"),
    ("Daniel", "Cohen"),
    ("Leila", "Haddad"),
]
