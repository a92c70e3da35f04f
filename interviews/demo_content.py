"""Demo SAR (situation, action, result) question bank."""

QUESTIONS = [
    {
        "dimension": "customer-acumen",
        "question": (
            "Tell me about a time when your understanding of a customer's industry changed the "
            "direction of a sale."
        ),
        "probe_situation": (
            "What was the customer's business, and what was happening in their market at the "
            "time?"
        ),
        "probe_action": (
            "How did you build that understanding, and how did you use it in your conversations?"
        ),
        "probe_result": (
            "What happened to the deal, and how did the customer respond to your point of view?"
        ),
        "probe_learned": (
            "What do you now do differently when preparing for a customer in an unfamiliar "
            "industry?"
        ),
        "best_case": (
            "Describes specific research (industry reports, earnings calls, conversations with "
            "people in the industry) and names the market pressure they uncovered. Shows how that "
            "insight reframed the conversation toward the customer's goals and led to a concrete "
            "outcome, such as access to a senior stakeholder or a larger scope."
        ),
        "red_flags": (
            "Industry knowledge is generic ('they were under cost pressure') with no specifics. "
            "The story is really about product features, or the insight came entirely from a "
            "colleague."
        ),
    },
    {
        "dimension": "customer-acumen",
        "question": (
            "Describe a situation where you recognized a customer problem that the customer had "
            "not yet raised with you."
        ),
        "probe_situation": "Who was the customer and what did you know about their priorities?",
        "probe_action": "What signals led you to the problem, and how did you raise it with them?",
        "probe_result": "How did the customer react, and what came of it?",
        "probe_learned": "Looking back, how could you have spotted it sooner?",
        "best_case": (
            "Explains the signals (a regulatory change, a competitor move, a comment from a "
            "different department) and how they connected them to the customer's goals. Raised "
            "the topic with a question rather than a pitch, and the customer engaged because the "
            "issue was relevant to them."
        ),
        "red_flags": (
            "Cannot explain how they identified the problem, or 'raising the problem' meant "
            "presenting a product. Claims to know the customer's needs better than the customer "
            "without evidence."
        ),
    },
    {
        "dimension": "business-acumen",
        "question": (
            "Tell me about a time you built a business case that a finance stakeholder had to "
            "approve."
        ),
        "probe_situation": "What was being purchased, and who in finance was involved?",
        "probe_action": "How did you gather the numbers, and what assumptions did you make?",
        "probe_result": "Was the business case approved, and what changed in it along the way?",
        "probe_learned": "What would you do differently next time you build a business case?",
        "best_case": (
            "Used the customer's own figures, agreed the assumptions with the customer, and "
            "expressed value in terms finance cared about (payback, cost avoided, margin or cash "
            "impact). Can walk through the logic clearly and describe how they handled a finance "
            "challenge to an assumption."
        ),
        "red_flags": (
            "Relied entirely on a vendor ROI calculator without validating inputs. Cannot explain "
            "basic terms they used, or never spoke to anyone in finance."
        ),
    },
    {
        "dimension": "business-acumen",
        "question": (
            "Describe a deal where the customer's financial situation, such as a budget freeze or "
            "a change in priorities, affected the sale."
        ),
        "probe_situation": "What was the financial situation, and how did you learn about it?",
        "probe_action": "What did you do to understand its effect on the purchase and to respond?",
        "probe_result": "What was the outcome for the deal and for the relationship?",
        "probe_learned": (
            "What did the experience teach you about how customers make spending decisions?"
        ),
        "best_case": (
            "Understood why the budget changed and how spending decisions were being made, for "
            "example moving from operating to capital budget or tying the purchase to a "
            "cost-reduction program. Adjusted the proposal or timing realistically and kept the "
            "relationship intact."
        ),
        "red_flags": (
            "Responded only by discounting or pushing harder. Treats the financial situation as "
            "bad luck and shows no attempt to understand it."
        ),
    },
    {
        "dimension": "solution-acumen",
        "question": (
            "Tell me about a time a customer needed something your product could not fully do."
        ),
        "probe_situation": "What did the customer need, and where did the product fall short?",
        "probe_action": "How did you handle the gap with the customer and with your own team?",
        "probe_result": "What was the result for the deal and for the customer?",
        "probe_learned": "What would you do the same or differently in a similar situation?",
        "best_case": (
            "Was honest about the limitation early, explored whether the gap was truly critical, "
            "and proposed a realistic alternative such as a workaround, a partner or a phased "
            "approach. Involved product or presales appropriately, and the customer's trust "
            "increased even if the deal changed shape."
        ),
        "red_flags": (
            "Promised the capability anyway or hid the limitation until after signing. Blames the "
            "product team without describing any action of their own."
        ),
    },
    {
        "dimension": "solution-acumen",
        "question": (
            "Describe a time when you had to position your offering against a strong competitor "
            "the customer already favored."
        ),
        "probe_situation": "Who was the competitor, and why did the customer favor them?",
        "probe_action": (
            "How did you compare the options with the customer, and what did you emphasize?"
        ),
        "probe_result": "What did the customer decide, and why?",
        "probe_learned": "What did you learn about your offering's real strengths and weaknesses?",
        "best_case": (
            "Knew the competitor's strengths accurately and acknowledged them. Focused the "
            "comparison on the customer's priorities where their own offering was genuinely "
            "stronger, and helped the customer test claims rather than simply criticizing the "
            "competitor."
        ),
        "red_flags": (
            "Disparages the competitor, relies on inaccurate claims, or cannot describe any "
            "situation in which the competitor would be the better choice."
        ),
    },
    {
        "dimension": "operational-acumen",
        "question": (
            "Tell me about a deal that was delayed or lost because of an approval or stakeholder "
            "you did not know about."
        ),
        "probe_situation": "How far along was the deal, and who had you been working with?",
        "probe_action": "What did you do once you discovered the hidden approver or process?",
        "probe_result": "What happened to the deal in the end?",
        "probe_learned": "How do you now find out how a customer really makes decisions?",
        "best_case": (
            "Takes ownership of the miss, describes a sensible recovery, and now asks specific "
            "questions early, such as how a recent similar purchase was approved and who could "
            "stop the deal. Describes a practical method for mapping formal and informal "
            "influence."
        ),
        "red_flags": (
            "Blames the customer for 'changing the process'. Cannot describe any change in their "
            "own approach since."
        ),
    },
    {
        "dimension": "operational-acumen",
        "question": (
            "Describe a time you helped a champion get a purchase approved inside their own "
            "organization."
        ),
        "probe_situation": "What made the approval difficult in that organization?",
        "probe_action": "What specifically did you do to help your champion navigate it?",
        "probe_result": "Was the purchase approved, and on what timeline compared with the plan?",
        "probe_learned": "What would you do differently to support a champion next time?",
        "best_case": (
            "Understood the internal politics and the approval path, and equipped the champion "
            "with what they needed for each audience (a summary for executives, security "
            "documentation, a reference call). The deal closed close to the planned date because "
            "obstacles were anticipated."
        ),
        "red_flags": (
            "Left the champion to handle everything alone, or tried to go around them in a way "
            "that damaged trust. Has only a vague picture of how the decision was made."
        ),
    },
    {
        "dimension": "discovery-questioning",
        "question": (
            "Tell me about a discovery conversation that uncovered a problem much bigger or "
            "different from what the buyer first described."
        ),
        "probe_situation": "What did the buyer say they wanted at the start of the conversation?",
        "probe_action": "Which questions did you ask, and how did you decide what to ask next?",
        "probe_result": "What did you learn, and how did it change the opportunity?",
        "probe_learned": (
            "What would you ask earlier or differently in a similar conversation today?"
        ),
        "best_case": (
            "Recalls actual questions and shows how each built on the previous answer, moving "
            "from symptoms to causes to business impact. Summarized back to confirm "
            "understanding, quantified the impact with the buyer, and the opportunity grew or was "
            "redirected as a result."
        ),
        "red_flags": (
            "Cannot remember specific questions, or the 'discovery' was a demo followed by "
            "questions. Moved to a solution as soon as a familiar problem appeared."
        ),
    },
    {
        "dimension": "discovery-questioning",
        "question": (
            "Describe a time when a buyer gave you short or guarded answers during discovery."
        ),
        "probe_situation": "Who was the buyer, and why do you think they were guarded?",
        "probe_action": "How did you adjust your questions or approach during the conversation?",
        "probe_result": "Did the buyer open up, and what did you learn?",
        "probe_learned": "What did this teach you about running discovery with reluctant buyers?",
        "best_case": (
            "Recognized the reason for reluctance (time pressure, a bad past experience, "
            "uncertainty about the seller's intent) and adjusted, for example by explaining the "
            "purpose of the questions, sharing a relevant observation or asking permission to go "
            "deeper. Gained enough insight to decide on next steps honestly."
        ),
        "red_flags": (
            "Pushed through a scripted list, or gave up and sent a brochure. Blames the buyer for "
            "being 'not a good prospect' without reflection."
        ),
    },
    {
        "dimension": "discovery-questioning",
        "question": (
            "Tell me about a deal where you realized after the fact that your discovery had "
            "missed something important."
        ),
        "probe_situation": "What did you miss, and when did it come to light?",
        "probe_action": "What did you do once you realized it?",
        "probe_result": "How did it affect the outcome?",
        "probe_learned": "What has changed in how you prepare and run discovery since then?",
        "best_case": (
            "Honestly describes the gap (for example, not meeting the end users, or not asking "
            "about previous attempts to solve the problem) and the recovery. Names a concrete "
            "change in their discovery practice that they still use."
        ),
        "red_flags": (
            "Claims never to have missed anything, or cannot connect the miss to a change in "
            "behavior."
        ),
    },
    {
        "dimension": "buying-process-alignment",
        "question": (
            "Tell me about a time you discovered that your sales plan was out of step with how "
            "the customer actually wanted to buy."
        ),
        "probe_situation": "Where did you think the deal was, and where was the customer really?",
        "probe_action": "How did you find out, and what did you change?",
        "probe_result": "What happened to the deal afterward?",
        "probe_learned": "How do you now check where a buyer is in their process?",
        "best_case": (
            "Realized, for example, that the buyer was still building internal agreement on the "
            "problem while the seller was pushing a proposal. Stepped back to help the buyer with "
            "their current step, agreed clear exit criteria for moving forward, and the deal "
            "progressed as a result."
        ),
        "red_flags": (
            "Continued with their own stages and called the buyer 'slow' or 'not serious'. Cannot "
            "describe what the buyer needed to complete each step."
        ),
    },
    {
        "dimension": "buying-process-alignment",
        "question": (
            "Describe a complex deal where you and the buyer agreed a joint plan to reach a "
            "decision."
        ),
        "probe_situation": (
            "Who was involved in the buying group, and what steps did they need to take?"
        ),
        "probe_action": "How did you build the plan, and who owned each step?",
        "probe_result": "Did the plan hold, and how did you handle the points where it slipped?",
        "probe_learned": "What would you include in a joint plan next time that you did not then?",
        "best_case": (
            "Built the plan with the buyer rather than for them, including the buyer's internal "
            "steps such as security review, budget approval and legal, with owners and dates. "
            "Used it to spot slippage early and renegotiate steps openly."
        ),
        "red_flags": (
            "The 'plan' was the seller's closing timeline sent to the buyer. No buyer-side steps "
            "or owners are mentioned."
        ),
    },
    {
        "dimension": "qualification",
        "question": (
            "Tell me about a time you decided to walk away from or deprioritize an opportunity."
        ),
        "probe_situation": (
            "What did the opportunity look like at first, and why was it attractive?"
        ),
        "probe_action": (
            "What evidence led you to disqualify it, and how did you handle it with the buyer and "
            "your manager?"
        ),
        "probe_result": "What happened with the time you freed up, and with that buyer later?",
        "probe_learned": "How has this shaped how you qualify today?",
        "best_case": (
            "Names specific criteria that were missing (no compelling event, no access to the "
            "decision maker, no budget path) and how they tested them. Disqualified respectfully, "
            "redirected effort to better opportunities and can describe the effect on results."
        ),
        "red_flags": (
            "Has never walked away from a deal, or only after months of effort. Disqualified "
            "based on a feeling rather than evidence."
        ),
    },
    {
        "dimension": "qualification",
        "question": "Describe a deal you expected to win that turned out not to be real.",
        "probe_situation": "What made you believe it was a strong opportunity?",
        "probe_action": "What questions did you ask, or not ask, during qualification?",
        "probe_result": "When and how did you find out, and what did it cost?",
        "probe_learned": "What would you check now that you did not check then?",
        "best_case": (
            "Candidly identifies the qualification gaps, such as mistaking enthusiasm for "
            "commitment or never confirming the budget holder. Explains a specific habit they now "
            "use, such as testing commitment with a small buyer action before investing heavily."
        ),
        "red_flags": (
            "Blames the buyer for misleading them. Cannot name any qualification criteria they "
            "use."
        ),
    },
    {
        "dimension": "pipeline-management",
        "question": (
            "Tell me about a period when your pipeline was not strong enough to reach your "
            "target."
        ),
        "probe_situation": "When did you notice the shortfall, and how big was it?",
        "probe_action": "What did you do to rebuild the pipeline?",
        "probe_result": "What was the result by the end of the period and the following one?",
        "probe_learned": "How do you manage your pipeline now to avoid the same situation?",
        "best_case": (
            "Noticed the gap early using coverage or conversion numbers, took specific action "
            "(prospecting blocks, reactivating lost deals, working with marketing) and recovered "
            "or limited the damage. Describes an ongoing routine for reviewing pipeline health."
        ),
        "red_flags": (
            "Noticed only at the end of the quarter. Relied on one large deal to save the period, "
            "or has no regular pipeline review habit."
        ),
    },
    {
        "dimension": "pipeline-management",
        "question": (
            "Describe how you cleaned up or restructured a pipeline that had become unreliable, "
            "either your own or one you inherited."
        ),
        "probe_situation": "What was wrong with the pipeline, and how did you know?",
        "probe_action": "What criteria did you use to decide what stayed, moved or was closed?",
        "probe_result": "How did the pipeline and its accuracy change afterward?",
        "probe_learned": "What would you do to keep it clean over time?",
        "best_case": (
            "Applied clear, evidence-based criteria (buyer-verified next steps, deal age, last "
            "meaningful contact) and was willing to remove or downgrade deals even when the total "
            "shrank. Pipeline accuracy and conversion improved measurably."
        ),
        "red_flags": (
            "Only updated close dates without reassessing deals. Resisted removing deals because "
            "it would 'look bad'."
        ),
    },
    {
        "dimension": "forecasting",
        "question": "Tell me about a forecast call that turned out to be wrong.",
        "probe_situation": "What did you forecast, and what evidence did you base it on?",
        "probe_action": "When did you realize it was wrong, and what did you do?",
        "probe_result": "What was the final result compared with your call?",
        "probe_learned": "How have you changed how you forecast since then?",
        "best_case": (
            "Separates the evidence they had from what they assumed, alerted their manager as "
            "soon as facts changed and now uses specific buyer milestones to decide what goes in "
            "commit. Shows a pattern of improving accuracy."
        ),
        "red_flags": (
            "Attributes the miss entirely to the customer. Still forecasts based on gut feel or "
            "on what the manager wants to hear."
        ),
    },
    {
        "dimension": "forecasting",
        "question": (
            "Describe a time when you had to defend a forecast that was lower than your manager "
            "or leadership wanted."
        ),
        "probe_situation": "What was the pressure, and what was your number?",
        "probe_action": "How did you explain and support your forecast?",
        "probe_result": "How did the period end compared with your number?",
        "probe_learned": "What did you learn about forecasting under pressure?",
        "best_case": (
            "Held to an evidence-based number, explained the risks and upside clearly, and "
            "offered actions to close the gap rather than inflating the call. The result was "
            "close to their forecast."
        ),
        "red_flags": (
            "Raised the number to satisfy leadership without new evidence. Cannot explain the "
            "reasoning behind their call."
        ),
    },
    {
        "dimension": "prospecting",
        "question": (
            "Tell me about an outreach campaign or sequence you designed that worked better than "
            "your usual approach."
        ),
        "probe_situation": "Who were you targeting, and why?",
        "probe_action": "What did you do differently in your research, message or timing?",
        "probe_result": "What were the results in replies, meetings and pipeline?",
        "probe_learned": "What did you learn that you still apply?",
        "best_case": (
            "Targeted a well-defined group with a relevant trigger or problem, personalized "
            "meaningfully, measured results and can give real numbers. Explains why it worked and "
            "how they iterated."
        ),
        "red_flags": (
            "Relies on volume alone, cannot quote any results, or the campaign was designed and "
            "run entirely by someone else."
        ),
    },
    {
        "dimension": "prospecting",
        "question": (
            "Describe a time you received an inbound lead or a hand-off that others had "
            "dismissed, and turned it into a real opportunity."
        ),
        "probe_situation": "What was the lead, and why had it been dismissed?",
        "probe_action": "How quickly did you follow up, and what did you do?",
        "probe_result": "What became of the opportunity?",
        "probe_learned": "How do you decide which leads deserve extra effort?",
        "best_case": (
            "Followed up promptly, researched the account before contacting it and found a "
            "genuine reason to engage. Shows judgment about where effort pays off rather than "
            "chasing everything."
        ),
        "red_flags": (
            "Slow or generic follow-up, or chased the lead for months without qualifying it."
        ),
    },
    {
        "dimension": "value-proposition",
        "question": (
            "Tell me about a time you tailored your value proposition to a specific buyer and it "
            "made the difference."
        ),
        "probe_situation": "Who was the buyer, and what mattered most to them?",
        "probe_action": "How did you shape the value proposition from what you had learned?",
        "probe_result": "How did the buyer respond, and what was the outcome?",
        "probe_learned": "What would you do to make it even stronger today?",
        "best_case": (
            "Connects value directly to problems and impacts uncovered in discovery, uses the "
            "buyer's own numbers and language and explains why the buyer should act now. The "
            "buyer repeated or used the value story internally."
        ),
        "red_flags": (
            "Describes a standard pitch with the customer's name added. Value is expressed as "
            "features or company credentials."
        ),
    },
    {
        "dimension": "value-proposition",
        "question": (
            "Describe a time when a buyer told you they saw no reason to change from their "
            "current approach."
        ),
        "probe_situation": (
            "What was the buyer's current approach, and why were they comfortable with it?"
        ),
        "probe_action": "What did you do to help them see a reason to change, if there was one?",
        "probe_result": "What did the buyer decide?",
        "probe_learned": "What did you learn about building a case for change?",
        "best_case": (
            "Explored the hidden costs and risks of the status quo through questions, helped the "
            "buyer quantify them and was prepared to accept that change was not worthwhile if the "
            "evidence showed that. Either created a credible reason to act or disqualified "
            "honestly."
        ),
        "red_flags": (
            "Argued with the buyer or discounted to create urgency. Shows no recognition that "
            "'doing nothing' is a real competitor."
        ),
    },
    {
        "dimension": "presenting",
        "question": (
            "Tell me about a presentation or demonstration to senior stakeholders that went "
            "particularly well."
        ),
        "probe_situation": "Who was in the room, and what did they care about?",
        "probe_action": "How did you prepare and structure the session?",
        "probe_result": "What happened as a result of the presentation?",
        "probe_learned": "What would you change if you gave it again?",
        "best_case": (
            "Prepared by learning each attendee's priorities, built the session around the "
            "audience's goals, kept to time and ended with an agreed next step. Can describe how "
            "they handled a difficult question."
        ),
        "red_flags": (
            "Prepared a generic deck, talked mostly about the company and product, or cannot "
            "identify who attended or what they wanted."
        ),
    },
    {
        "dimension": "presenting",
        "question": "Describe a time a presentation started going badly. What did you do?",
        "probe_situation": "What went wrong, and how did you notice?",
        "probe_action": "How did you adjust in the moment?",
        "probe_result": "How did the meeting end, and what happened afterward?",
        "probe_learned": "What did you learn about reading an audience?",
        "best_case": (
            "Noticed the signals early (disengagement, a key person leaving, a challenging "
            "question), paused to check with the audience and changed course, for example by "
            "dropping slides to discuss the real concern. Recovered the meeting or reset it "
            "constructively."
        ),
        "red_flags": (
            "Pressed on with the planned content. Blames the audience or technology without "
            "describing any adjustment."
        ),
    },
    {
        "dimension": "negotiating",
        "question": (
            "Tell me about a negotiation where the buyer or procurement pushed hard on price."
        ),
        "probe_situation": "What was the deal, and what were they asking for?",
        "probe_action": "How had you prepared, and what did you do during the negotiation?",
        "probe_result": "What were the final terms compared with your opening position?",
        "probe_learned": "What would you do differently in your next tough negotiation?",
        "best_case": (
            "Had prepared walk-away points and tradable items, explored the buyer's underlying "
            "interests and traded concessions for something of value such as a longer term, a "
            "case study or faster signature. Protected most of the value and kept the "
            "relationship positive."
        ),
        "red_flags": (
            "Conceded quickly to 'get the deal done', negotiated against themselves or made "
            "concessions without getting anything in return."
        ),
    },
    {
        "dimension": "negotiating",
        "question": (
            "Describe a time you found a creative agreement that worked for both sides when you "
            "seemed stuck."
        ),
        "probe_situation": "Where were the two sides stuck, and why?",
        "probe_action": "What options did you explore, and how did you find them?",
        "probe_result": "What was agreed, and how did it work out later?",
        "probe_learned": "What did this teach you about negotiating?",
        "best_case": (
            "Moved the conversation from positions to interests, found a structure that met both "
            "sides' real needs (phased rollout, changed payment terms, adjusted scope) and "
            "secured internal approval for it."
        ),
        "red_flags": (
            "The 'creative solution' was a large discount. Did not understand what the other side "
            "actually needed."
        ),
    },
    {
        "dimension": "strategic-account-management",
        "question": "Tell me about an account you grew significantly over time.",
        "probe_situation": "What did the account look like when you took it over?",
        "probe_action": "What was your plan, and which relationships did you build?",
        "probe_result": "How much did the account grow, and over what period?",
        "probe_learned": "What would you do differently with a similar account today?",
        "best_case": (
            "Had a written account plan tied to the customer's strategy, built relationships "
            "beyond the original contact including executives, and grew the account by delivering "
            "demonstrable value. Gives specific figures for growth and retention."
        ),
        "red_flags": (
            "Growth came entirely from the customer's own initiative. No plan or relationships "
            "beyond one contact."
        ),
    },
    {
        "dimension": "strategic-account-management",
        "question": "Describe a time an important customer was at risk of leaving.",
        "probe_situation": "What were the warning signs, and when did you notice them?",
        "probe_action": "What did you do to understand and address the problem?",
        "probe_result": "Did the customer stay, and how did the relationship change?",
        "probe_learned": "What do you now watch for to catch risks earlier?",
        "best_case": (
            "Spotted signs early (falling usage, a champion leaving, delayed responses), met with "
            "the customer to understand the real issues, coordinated a recovery plan internally "
            "and rebuilt trust with measurable results."
        ),
        "red_flags": (
            "Learned about the risk at renewal time. Offered a discount as the only response, or "
            "blamed support or product."
        ),
    },
    {
        "dimension": "cross-functional-collaboration",
        "question": (
            "Tell me about a large deal where you had to coordinate several colleagues from other "
            "departments."
        ),
        "probe_situation": "Who needed to be involved, and what did each bring?",
        "probe_action": "How did you organize and brief the team?",
        "probe_result": "What was the result, and how did the team feel about the process?",
        "probe_learned": "What would you do differently to run the deal team next time?",
        "best_case": (
            "Involved the right people early, gave each a clear role and customer context, ran "
            "short internal planning meetings before key customer meetings and kept everyone "
            "informed. Colleagues would want to work with them again."
        ),
        "red_flags": (
            "Pulled people in at the last minute, took all the credit, or describes colleagues "
            "mainly as obstacles."
        ),
    },
    {
        "dimension": "cross-functional-collaboration",
        "question": (
            "Describe a time you disagreed with a colleague in another department about what to "
            "offer a customer."
        ),
        "probe_situation": "What was the disagreement about, and what was at stake?",
        "probe_action": "How did you handle the conversation?",
        "probe_result": (
            "How was it resolved, and what was the effect on the customer and the relationship "
            "with your colleague?"
        ),
        "probe_learned": "What did you learn about working across departments?",
        "best_case": (
            "Understood the colleague's constraints (legal risk, delivery capacity, margin), "
            "framed the discussion around the customer and the company's interests and reached a "
            "workable compromise or escalated properly with shared facts."
        ),
        "red_flags": (
            "Went around the colleague, escalated immediately, or promised the customer something "
            "the company could not deliver."
        ),
    },
    {
        "dimension": "communication-style-adaptation",
        "question": (
            "Tell me about a buyer whose communication style was very different from yours."
        ),
        "probe_situation": "How did their style differ, and how did you notice?",
        "probe_action": "What did you change in how you communicated with them?",
        "probe_result": "How did the relationship and the deal develop?",
        "probe_learned": "What have you learned about adapting to different people?",
        "best_case": (
            "Describes concrete signals (short emails, requests for data, preference for calls) "
            "and specific adjustments in pace, detail, format or channel. The buyer's engagement "
            "improved as a result."
        ),
        "red_flags": (
            "Expects buyers to adapt to them, or describes the buyer negatively ('difficult', "
            "'cold') without any change in their own approach."
        ),
    },
    {
        "dimension": "communication-style-adaptation",
        "question": (
            "Describe a meeting where you had to communicate with several stakeholders who wanted "
            "very different things from you."
        ),
        "probe_situation": "Who was in the meeting, and how did their needs differ?",
        "probe_action": "How did you prepare and manage the conversation for each of them?",
        "probe_result": "What was the outcome of the meeting?",
        "probe_learned": "What would you do differently in a similar meeting?",
        "best_case": (
            "Prepared for each person's style and priorities, for example data for the analyst, "
            "outcomes for the executive and practical detail for the user, and balanced them "
            "within the meeting so each felt heard."
        ),
        "red_flags": (
            "Spoke mainly to the most senior or friendliest person. Did not notice the "
            "differences until afterward."
        ),
    },
    {
        "dimension": "time-territory-management",
        "question": (
            "Tell me how you decided where to spend your time in your most recent territory or "
            "book of accounts."
        ),
        "probe_situation": (
            "What did the territory look like, and what were the competing demands on your time?"
        ),
        "probe_action": "How did you prioritize accounts and activities?",
        "probe_result": "What results did this approach produce?",
        "probe_learned": "What would you change in how you plan your time?",
        "best_case": (
            "Segmented accounts by potential and fit, planned weekly priorities, protected time "
            "for prospecting and deal work and reviewed where time was actually going against "
            "results."
        ),
        "red_flags": (
            "Worked whatever came in, spent most time on familiar or friendly accounts, or cannot "
            "describe any planning method."
        ),
    },
    {
        "dimension": "time-territory-management",
        "question": (
            "Describe a time you were overloaded with more work than you could handle well."
        ),
        "probe_situation": "What caused the overload?",
        "probe_action": "What did you prioritize, delegate or drop, and how did you decide?",
        "probe_result": "What was the effect on your results and commitments?",
        "probe_learned": "What would you do to prevent or handle it better next time?",
        "best_case": (
            "Made explicit choices based on value, communicated trade-offs to the people affected "
            "and protected the most important customer commitments. Changed a habit or process to "
            "reduce recurrence."
        ),
        "red_flags": (
            "Tried to do everything and dropped important commitments without telling anyone. "
            "Describes long hours as the only strategy."
        ),
    },
    {
        "dimension": "coaching-others",
        "question": "Tell me about a seller you coached who improved significantly.",
        "probe_situation": "What was the seller's performance and skill gap when you started?",
        "probe_action": (
            "How did you diagnose the gap, and what did your coaching look like week to week?"
        ),
        "probe_result": "What changed in their behavior and their results?",
        "probe_learned": "What would you do differently with that seller now?",
        "best_case": (
            "Diagnosed a specific skill gap from observation and data, coached on one or two "
            "behaviors at a time with regular follow-up, used questions to help the seller find "
            "answers and can show the change in behavior and results."
        ),
        "red_flags": (
            "Coaching consisted of telling the seller what to do, or taking over their deals. No "
            "evidence of change in the seller's behavior."
        ),
    },
    {
        "dimension": "coaching-others",
        "question": "Describe a time your coaching did not work with someone.",
        "probe_situation": "What was the situation and what were you trying to develop?",
        "probe_action": "What approaches did you try?",
        "probe_result": "What happened in the end?",
        "probe_learned": "What did you learn about coaching from that experience?",
        "best_case": (
            "Reflects honestly on their own part, such as coaching too many things at once or not "
            "adapting to the person, and describes how they changed approach. May have handled a "
            "performance exit fairly and respectfully when coaching could not close the gap."
        ),
        "red_flags": (
            "Places all blame on the seller. Shows no change in their own coaching methods."
        ),
    },
    {
        "dimension": "drive",
        "question": (
            "Tell me about the most demanding goal you have set for yourself, at work or outside "
            "it."
        ),
        "probe_situation": "Why did you choose that goal, and what made it demanding?",
        "probe_action": "What did you do, day to day, to pursue it?",
        "probe_result": "Did you reach it, and what did it take?",
        "probe_learned": "What does this tell you about what motivates you?",
        "best_case": (
            "The goal was self-chosen and clearly stretching. Describes sustained, specific "
            "effort over time, setbacks overcome and a concrete result."
        ),
        "red_flags": (
            "Goals were set entirely by others, or the story lacks any sustained effort. "
            "Motivation seems to depend on external pressure."
        ),
    },
    {
        "dimension": "drive",
        "question": (
            "Describe a time when you went well beyond what your role required to achieve a "
            "result."
        ),
        "probe_situation": "What was expected of you, and what did you see that needed doing?",
        "probe_action": "What extra steps did you take, on your own initiative?",
        "probe_result": "What difference did it make?",
        "probe_learned": "Would you do the same again, and why?",
        "best_case": (
            "Took initiative without being asked, showed persistence and produced a result that "
            "mattered to customers or the business. Balanced initiative with good judgment about "
            "priorities."
        ),
        "red_flags": (
            "The 'extra effort' was simply working long hours on routine tasks, or was driven "
            "only by a bonus or a manager's request."
        ),
    },
    {
        "dimension": "resilience",
        "question": "Tell me about a loss or rejection that hit you hard at work.",
        "probe_situation": "What happened, and why did it matter so much to you?",
        "probe_action": "How did you respond in the days that followed?",
        "probe_result": "How did your activity and results look over the next few weeks?",
        "probe_learned": "What did you take from the experience?",
        "best_case": (
            "Acknowledges the disappointment honestly, describes a quick return to normal "
            "activity, sought feedback to learn from the loss and can point to improved results "
            "afterward."
        ),
        "red_flags": (
            "Still blames others, describes a long drop in activity, or claims never to be "
            "affected by rejection at all."
        ),
    },
    {
        "dimension": "resilience",
        "question": (
            "Describe a period when you faced repeated rejection, such as a run of lost deals or "
            "unanswered outreach."
        ),
        "probe_situation": "How long did the period last, and what were you facing?",
        "probe_action": "What did you do to keep your activity and confidence up?",
        "probe_result": "How did the period end?",
        "probe_learned": "What do you now do when you sense a run of rejection starting?",
        "best_case": (
            "Kept activity steady, analyzed what might be going wrong and adjusted approach, and "
            "used practical routines or support to stay positive. The run ended because of "
            "deliberate action."
        ),
        "red_flags": (
            "Reduced activity, avoided calls or attributes the turnaround entirely to luck."
        ),
    },
    {
        "dimension": "competitiveness",
        "question": (
            "Tell me about a time you competed directly against another company for a deal you "
            "really wanted to win."
        ),
        "probe_situation": "Who was the competitor, and why did the deal matter to you?",
        "probe_action": "What did you do to win?",
        "probe_result": "Did you win, and what made the difference?",
        "probe_learned": "What did you learn about competing?",
        "best_case": (
            "Studied the competitor, planned specific moves to differentiate and showed strong "
            "motivation to win while staying ethical and customer-focused. Reflects on what "
            "decided the outcome."
        ),
        "red_flags": (
            "Indifferent to the outcome, or competitive behavior crossed into disparaging the "
            "competitor or misleading the customer."
        ),
    },
    {
        "dimension": "competitiveness",
        "question": (
            "Describe how you have compared your performance with your peers and what you did "
            "with that comparison."
        ),
        "probe_situation": "Where did you rank, and how did you know?",
        "probe_action": "What did you do to improve your position?",
        "probe_result": "How did your ranking change?",
        "probe_learned": "How do you balance wanting to win with helping teammates?",
        "best_case": (
            "Knows where they stand, sets clear goals to improve their ranking, learns from top "
            "performers and helps teammates rather than undermining them."
        ),
        "red_flags": (
            "Does not know or care how they compare, or improved their ranking at teammates' "
            "expense, for example by taking leads or credit."
        ),
    },
    {
        "dimension": "conscientiousness",
        "question": (
            "Tell me about a time your attention to detail prevented a problem for a customer or "
            "your company."
        ),
        "probe_situation": "What was the situation, and what did you notice?",
        "probe_action": "What did you do about it?",
        "probe_result": "What would have happened if you had not caught it?",
        "probe_learned": "What habits help you catch details like this?",
        "best_case": (
            "Describes a specific error caught (pricing, contract terms, a mismatch between "
            "proposal and requirements) through a deliberate habit such as checklists or reviews, "
            "and the consequence avoided."
        ),
        "red_flags": (
            "The example is trivial or the person relied on others to catch errors. Describes "
            "details as 'not my strength' without any compensating habit."
        ),
    },
    {
        "dimension": "conscientiousness",
        "question": "Describe a commitment you found difficult to keep. What happened?",
        "probe_situation": "What was the commitment, and why was it difficult?",
        "probe_action": "What did you do to meet it or to manage the situation?",
        "probe_result": "Was the commitment kept, and how did the other person react?",
        "probe_learned": "How do you decide what to commit to now?",
        "best_case": (
            "Either kept the commitment through planning and effort or renegotiated it early and "
            "openly. Shows care for follow-through and realistic commitments."
        ),
        "red_flags": (
            "Let the commitment lapse without notice, or makes commitments loosely and sees "
            "nothing wrong with missing them."
        ),
    },
    {
        "dimension": "coachability",
        "question": "Tell me about the most useful piece of critical feedback you have received.",
        "probe_situation": "Who gave it, and what was the context?",
        "probe_action": "How did you react at first, and what did you do with it?",
        "probe_result": "What changed in your behavior or results?",
        "probe_learned": "How do you look for feedback now?",
        "best_case": (
            "Describes genuinely critical feedback, an honest account of their first reaction, "
            "specific changes made and evidence of improvement. Now seeks feedback actively."
        ),
        "red_flags": (
            "The feedback was trivial or flattering, or the person explains why the feedback was "
            "wrong. No change in behavior."
        ),
    },
    {
        "dimension": "coachability",
        "question": (
            "Describe a time you were asked to change a sales approach that had worked well for "
            "you."
        ),
        "probe_situation": "What was the change, and why were you asked to make it?",
        "probe_action": "How did you approach learning and applying it?",
        "probe_result": "What happened to your results?",
        "probe_learned": "What did you learn about changing habits?",
        "best_case": (
            "Gave the new approach a real try, asked questions to understand it, practiced it and "
            "reported back on results, even if they had initial doubts. Raised concerns "
            "constructively."
        ),
        "red_flags": (
            "Ignored the change or complied only on the surface. Dismisses the change as "
            "unnecessary without having tried it."
        ),
    },
    {
        "dimension": "curiosity",
        "question": (
            "Tell me about something you taught yourself recently because you wanted to "
            "understand it."
        ),
        "probe_situation": "What sparked your interest?",
        "probe_action": "How did you go about learning it?",
        "probe_result": "What can you do or understand now that you could not before?",
        "probe_learned": "How has it affected your work, if at all?",
        "best_case": (
            "Shows genuine, self-directed interest, a deliberate learning process and an ability "
            "to explain what they learned. Often connects it to a better understanding of "
            "customers or their craft."
        ),
        "red_flags": "Cannot name anything, or all learning was mandatory training.",
    },
    {
        "dimension": "curiosity",
        "question": (
            "Describe a time you asked a question that others had not thought to ask, and what it "
            "revealed."
        ),
        "probe_situation": "What was the situation, and what was everyone assuming?",
        "probe_action": "What made you ask the question, and how did you ask it?",
        "probe_result": "What did the answer reveal, and what changed?",
        "probe_learned": "How do you keep yourself questioning assumptions?",
        "best_case": (
            "Noticed something that did not fit, asked a respectful but probing question and "
            "uncovered information that changed a decision or a deal."
        ),
        "red_flags": (
            "The question was rhetorical or meant to show off, or there was no real consequence."
        ),
    },
    {
        "dimension": "patience",
        "question": (
            "Tell me about a time you held back from proposing a solution even though you were "
            "sure you knew what the buyer needed."
        ),
        "probe_situation": "What did you think the buyer needed, and why?",
        "probe_action": "What did you do instead of proposing straight away?",
        "probe_result": "What did you learn by waiting, and how did it affect the outcome?",
        "probe_learned": "How do you resist the urge to pitch early?",
        "best_case": (
            "Kept asking questions until the problem, impact and stakeholders were clear, and "
            "discovered something that changed or strengthened the eventual proposal. Has a "
            "deliberate habit that stops early pitching."
        ),
        "red_flags": (
            "Admits they usually pitch early and see no problem with it, or the example shows "
            "them pitching at the first sign of a known problem."
        ),
    },
    {
        "dimension": "patience",
        "question": "Describe a deal where the buyer's process was much slower than you wanted.",
        "probe_situation": "What made it slow, and what pressures were you under?",
        "probe_action": "How did you keep the deal moving without pushing too hard?",
        "probe_result": "How did the deal end?",
        "probe_learned": "What did you learn about working at the buyer's pace?",
        "best_case": (
            "Understood the reasons for the pace, stayed in regular, valuable contact, helped "
            "remove obstacles and avoided pressure tactics that would have damaged trust. Deal "
            "closed, or the relationship remained strong."
        ),
        "red_flags": (
            "Used artificial deadlines or end-of-quarter discounts to force a decision, or lost "
            "interest and stopped engaging."
        ),
    },
    {
        "dimension": "accountability",
        "question": "Tell me about a mistake you made that affected a customer or colleague.",
        "probe_situation": "What was the mistake, and how was it discovered?",
        "probe_action": "What did you do once you knew about it?",
        "probe_result": "How was it resolved, and what was the impact?",
        "probe_learned": "What did you change to avoid repeating it?",
        "best_case": (
            "Raised the mistake themselves, took responsibility without excuses, fixed the "
            "immediate problem and changed a habit or process afterward."
        ),
        "red_flags": "Cannot think of a mistake, minimizes it or shifts responsibility to others.",
    },
    {
        "dimension": "accountability",
        "question": "Describe a quarter or year in which you missed your target.",
        "probe_situation": "What was the target, and by how much did you miss it?",
        "probe_action": "What do you believe caused the miss, including your own part?",
        "probe_result": "What did you do about it, and how did the next period go?",
        "probe_learned": "What would you do differently if you faced the same conditions again?",
        "best_case": (
            "Owns their share of the miss, distinguishes factors they could and could not "
            "control, and describes concrete actions taken that improved the next period."
        ),
        "red_flags": "Attributes the miss entirely to territory, product, pricing or management.",
    },
    {
        "dimension": "empathy",
        "question": (
            "Tell me about a time you had to handle a customer who was upset or frustrated."
        ),
        "probe_situation": "What had happened, and how did the customer show their frustration?",
        "probe_action": "How did you respond in the conversation and afterward?",
        "probe_result": (
            "How did the customer feel by the end, and what happened to the relationship?"
        ),
        "probe_learned": "What did you learn about handling difficult conversations?",
        "best_case": (
            "Listened fully before responding, acknowledged the customer's feelings and the "
            "impact on them without defensiveness, and followed through on a fix. The "
            "relationship was maintained or strengthened."
        ),
        "red_flags": (
            "Defended the company immediately, offered a script or discount, or describes the "
            "customer with contempt."
        ),
    },
    {
        "dimension": "empathy",
        "question": (
            "Describe a time you realized a buyer's personal concerns were shaping their decision "
            "more than the business case."
        ),
        "probe_situation": "What did you notice that suggested a personal concern?",
        "probe_action": "How did you find out more, and how did you respond?",
        "probe_result": "How did it affect the decision?",
        "probe_learned": "How do you now pay attention to the personal side of buying decisions?",
        "best_case": (
            "Recognized concerns such as career risk, workload or loss of status, raised or "
            "addressed them sensitively and helped the buyer feel safe in the decision, for "
            "example with a pilot or references."
        ),
        "red_flags": (
            "Ignored the signals, or tried to exploit the buyer's concern manipulatively."
        ),
    },
]
