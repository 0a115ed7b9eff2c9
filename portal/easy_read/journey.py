"""Easy-read variants: journey.

The screening questions, the complaint questions, check your answers, the equality questions,
save and return, and every error message these pages can show. A question keeps its meaning
and its facts (ages, time limits, who decides); only the words get simpler. Error messages
say "Choose" where the standard says "Select": the everyday word.
"""

from __future__ import annotations

from portal.easy_read.marker import N_

VARIANTS: dict[str, str] = {
    # Screening questions ---------------------------------------------------------------
    "Select yes if a child is in danger right now": N_(
        "Choose yes if a child is in danger right now"
    ),
    "For example, social workers, children in care, leaving care, fostering, adoption, "
    "special guardianship, or support for a child in need.": N_(
        "For example, social workers, being in care or leaving care. "
        "Or fostering, adoption or special guardians. "
        "Or help for a child in need."
    ),
    "School admissions, special educational needs support, school attendance or early help": N_(
        "Getting a school place, going to school, help with special needs, or early help"
    ),
    "Transport to school for a child with special educational needs": N_(
        "Travel to school for a child with special needs"
    ),
    "Another organisation": N_("Another group or business"),
    "Select what your complaint is about": N_("Choose what your complaint is about"),
    "Is it about a children's home or fostering agency that the council does not run?": N_(
        "Is it about a children's home or foster agency the council does not run?"
    ),
    "Select yes if it is about a children's home or fostering agency the council does not run": N_(
        "Choose yes if the council does not run the home or agency"
    ),
    "For example, a private children's home, or an independent fostering agency.": N_(
        "For example, a private children's home. Or a foster agency that is not the council."
    ),
    "Is it about a child protection conference, or a decision about a child protection plan?": N_(
        "Is it about a child protection plan? Or the meeting about the plan?"
    ),
    "Select yes if it is about a child protection conference or plan": N_(
        "Choose yes if it is about a child protection plan or meeting"
    ),
    "Are you unhappy with a decision made by a court, or with a report written for a court?": N_(
        "Are you unhappy with what a court decided? Or with a report for a court?"
    ),
    "Select yes if you are unhappy with a court's decision or a report for a court": N_(
        "Choose yes if you are unhappy with a court or a court report"
    ),
    "A report for a court includes a section 7 or section 37 report.": N_(
        "This includes a section 7 or section 37 report."
    ),
    "Has the fostering or adoption service said it plans not to approve you, or to end or "
    "change your approval?": N_(
        "Has the fostering or adoption service said it plans to turn you down? "
        "Or to end or change your approval?"
    ),
    "Select yes if the fostering or adoption service plans not to approve you, or to end or "
    "change your approval": N_(
        "Choose yes if they plan to turn you down, or end or change approval"
    ),
    "Do you have a right to appeal this decision, for example to a tribunal?": N_(
        "Can you appeal this decision?"
    ),
    "Select yes if you have a right to appeal this decision": N_(
        "Choose yes if you can appeal this decision"
    ),
    "The letter telling you about the decision usually says if you can appeal.": N_(
        "To appeal means to ask someone else, like a tribunal, to change it. "
        "The letter about the decision will usually say if you can."
    ),
    "Are you asking us to start a service or to help a child, rather than complaining about "
    "a service?": N_("Are you asking us to start a service or help a child, not complaining?"),
    "Select yes if you are asking us to start a service or to help a child": N_(
        "Choose yes if you want us to start a service or help a child"
    ),
    "Are you only asking for money for loss of, or damage to, property?": N_(
        "Do you only want money because something of yours was lost or damaged?"
    ),
    "Select yes if you are only asking for money for loss or damage": N_(
        "Choose yes if you only want money for something lost or damaged"
    ),
    "Has the Local Government and Social Care Ombudsman already looked at this?": N_(
        "Has the Ombudsman already looked at this?"
    ),
    "Select yes if the Ombudsman has already looked at this": N_(
        "Choose yes if the Ombudsman has already looked at this"
    ),
    "Select yes if your complaint is only about a decision not made yet": N_(
        "Choose yes if it is only about a decision not made yet"
    ),
    "If the decision is taking too long, answer no: you can complain about the delay.": N_(
        "Is the decision taking too long? Then answer no. You can complain about that."
    ),
    "Is there a court case, police investigation or disciplinary process about this now, "
    "or about to start?": N_(
        "Is a court, the police or an employer looking into this? Or will they soon?"
    ),
    "Select yes if there is a court case, police investigation or disciplinary process "
    "about this": N_("Choose yes if a court, the police or an employer is looking into this"),
    "Have you already complained about this and had a final answer from the council?": N_(
        "Did you complain about this before, and get a final answer from us?"
    ),
    "Select yes if you have already had a final answer about this": N_(
        "Choose yes if you already had a final answer about this"
    ),
    "Is a councillor or your MP already dealing with this for you?": N_(
        "Is a councillor or your MP already helping you with this?"
    ),
    "Select yes if a councillor or your MP is dealing with this": N_(
        "Choose yes if a councillor or your MP is helping with this"
    ),
    "Enter the month and year you found out about the problem": N_(
        "Enter the month and year you found out"
    ),
    "Is any part of your complaint that a member of staff did not speak English well enough "
    "to do their job?": N_(
        "Did one of our staff not speak English well enough to do their job? "
        "Is that part of your complaint?"
    ),
    "Select yes if part of your complaint is about a member of staff's spoken English": N_(
        "Choose yes if part of your complaint is about a staff member's English"
    ),
    "This does not include someone's accent, dialect, tone, or where they are from.": N_(
        "It is not about their accent, dialect or tone of voice. "
        "It is not about where they come from."
    ),
    "An adopter, an adopted person, or a birth parent of an adopted child": N_(
        "Someone who adopted, or was adopted, or whose child was adopted"
    ),
    "A professional, such as a teacher or doctor": N_(
        "Someone who works with the child, like a teacher or doctor"
    ),
    "Select who you are": N_("Choose who you are"),
    "Select yes if you are complaining for someone else": N_(
        "Choose yes if you are complaining for someone else"
    ),
    # Complaint questions ---------------------------------------------------------------
    "Which organisation do you work for?": N_("Who do you work for?"),
    "Enter the name of your organisation": N_("Enter who you work for"),
    "Select yes if you know their date of birth": N_("Choose yes if you know their birthday"),
    "Age must be a number, like 12": N_("Enter their age as a number, like 12"),
    "Does the child or young person know about this complaint, and agree to it?": N_(
        "Does the child or young person know about this complaint? Do they agree to it?"
    ),
    "Select yes if they know about the complaint and agree to it": N_(
        "Choose yes if they know about the complaint and agree to it"
    ),
    "You can complain in your own right, because of who you are to the child. "
    "We will still accept your complaint if they do not know or agree.": N_(
        "You can complain for yourself, because of who you are to the child. "
        "We will still take your complaint if they do not know or agree."
    ),
    "We will still accept your complaint. We may need to check with them first.": N_(
        "We will still take your complaint. We may need to ask them first."
    ),
    "Select why they do not know or agree": N_("Choose why they do not know or agree"),
    "Select yes if you would like an advocate": N_("Choose yes if you would like an advocate"),
    "An advocate is someone who is on your side. They can help you say what you want, "
    "and they do not work for the social care team.": N_(
        "An advocate is someone who is on your side. "
        "They help you say what you want. "
        "They do not work for the social care team."
    ),
    "Select which service or team your complaint is about": N_(
        "Choose the service or team your complaint is about"
    ),
    "Services for disabled children": N_("Help for disabled children"),
    "Tell us in your own words. You can add documents or photos later.": N_(
        "Tell us in your own words. You can add letters or photos later."
    ),
    "Who was involved? (optional)": N_("Who was part of it? (optional)"),
    "Give their names or their jobs, for example 'my social worker' or 'the manager'.": N_(
        "Tell us their names or jobs. For example, 'my social worker' or 'the manager'."
    ),
    "Select when it happened": N_("Choose when it happened"),
    "For example, an apology, a meeting, a decision looked at again, or a change.": N_(
        "For example, saying sorry, a meeting, or a change. Or a decision looked at again."
    ),
    "Select yes if you have contacted us about this before": N_(
        "Choose yes if you have contacted us about this before"
    ),
    "Select yes if you got an answer": N_("Choose yes if you got an answer"),
    "Upload documents, photos or recordings (optional)": N_(
        "Add letters, photos or recordings (optional)"
    ),
    "For example, letters, emails, reports, photos, or recordings of phone calls or "
    "meetings. You can add up to %(files)s files, each smaller than %(size)sMB, and "
    "select several at once.": N_(
        "For example, letters, emails, photos, or recordings of calls or meetings. "
        "You can add up to %(files)s files. "
        "Each file must be smaller than %(size)sMB. "
        "You can choose more than one at a time."
    ),
    "Upload files": N_("Add files"),
    "If you cannot upload something": N_("If you cannot add something here"),
    "Tell us about your recording": N_("About your recording"),
    "I confirm this is the whole recording, and it has not been changed or edited": N_(
        "This is the whole recording. Nobody has cut or changed it."
    ),
    "Confirm that the recording is complete and has not been changed": N_(
        "Tick the box to say the recording is whole and not changed"
    ),
    "We can only use a recording if it is complete. If you cut or changed it, remove it "
    "and tell us what happened instead.": N_(
        "We can only use a recording if it is whole. "
        "Did you cut or change it? Then remove it. "
        "Tell us what happened instead."
    ),
    "Select how we can contact you": N_("Choose how we can contact you"),
    "Select all that apply.": N_("You can choose more than one."),
    "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192": N_(
        "Enter a phone number, like 07700 900 982"
    ),
    "Can the subject line of our emails say they are about your complaint?": N_(
        "Can our emails say they are about your complaint in the subject line?"
    ),
    "Select yes if our emails can say they are about your complaint": N_(
        "Choose yes if our emails can say they are about your complaint"
    ),
    "If you select no, the subject line will only say it is a message from the council. "
    "Select no if someone else might see your emails or the messages on your phone.": N_(
        "The subject line is what you see before you open an email. "
        "If you say no, it will only say the email is from the council. "
        "Say no if someone else might see your emails or your phone."
    ),
    "Select yes if it is safe to send letters or text messages to you": N_(
        "Choose yes if it is safe to send you letters or texts"
    ),
    "Select yes if there is someone else we can contact": N_(
        "Choose yes if there is someone else we can contact"
    ),
    "Do you need any help or changes so that you can take part?": N_(
        "Do you need any help or changes to take part?"
    ),
    "Select the help you need, or select 'No, I do not need any help'": N_(
        "Choose the help you need, or 'No, I do not need any help'"
    ),
    # Error messages any question can show ------------------------------------------------
    "Select a valid option": N_("Choose one of the answers"),
    "Use %(n)s characters or fewer": N_("Your answer is too long. Use %(n)s characters or fewer."),
    "Enter an email address in the correct format, like name@example.com": N_(
        "Enter your email address like this: name@example.com"
    ),
    "Email address must be 254 characters or fewer": N_(
        "Your email address is too long. Use 254 characters or fewer."
    ),
    "%(what)s must be this month or in the past": N_("%(what)s cannot be in the future"),
    "%(what)s must be today or in the past": N_("%(what)s cannot be in the future"),
    "Your answer was not saved because this page was open for a long time. Check your answer "
    "and select Continue.": N_(
        "We did not save your answer. The page was open too long. "
        "Check your answer and select Continue."
    ),
    # Files -------------------------------------------------------------------------------
    "Select a file": N_("Choose a file"),
    "The selected file is empty": N_("The file is empty"),
    "The selected file must be smaller than %(size)s": N_("The file must be smaller than %(size)s"),
    "The selected file must be a %(types)s": N_(
        "We cannot take this kind of file. It must be a %(types)s"
    ),
    "%(name)s must be a %(types)s": N_("We cannot take %(name)s. It must be a %(types)s"),
    "The selected file is password protected": N_(
        "The file has a password. Take the password off and try again."
    ),
    "%(name)s is password protected": N_(
        "%(name)s has a password. Take the password off and try again."
    ),
    "The selected file contains a virus": N_("The file has a virus in it"),
    "%(name)s contains a virus": N_("%(name)s has a virus in it"),
    "The selected file could not be uploaded – try again": N_(
        "We could not add the file. Try again."
    ),
    "%(name)s could not be uploaded – try again": N_("We could not add %(name)s. Try again."),
    "You can upload up to %(size)s of files in total": N_(
        "All your files together must be %(size)s or less"
    ),
    "The selected files must be smaller than %(size)s in total": N_(
        "All the files together must be smaller than %(size)s"
    ),
    # Check your answers ------------------------------------------------------------------
    "Check your answers before sending your complaint": N_("Check your answers"),
    "Declaration": N_("Is it true?"),
    "The information I have given is true, as far as I know.": N_(
        "What I have told you is true, as far as I know."
    ),
    "Confirm that the information you have given is true": N_(
        "Tick the box to say what you told us is true"
    ),
    # Equality questions ------------------------------------------------------------------
    "Before you finish, we would like to ask you some equality questions. They are "
    "different from the questions about your complaint.": N_(
        "Before you finish, we have some more questions about you. "
        "They are called equality questions. "
        "They are not about your complaint."
    ),
    "The person dealing with your complaint will not see your answers. We keep them apart "
    "from your complaint, and they are not linked to it or to you.": N_(
        "The person looking at your complaint will not see your answers. "
        "We keep them apart from your complaint. "
        "They are not linked to your complaint or to you."
    ),
    "These questions are optional. Your answers will not affect your complaint.": N_(
        "You do not have to answer them. Your answers will not change your complaint."
    ),
    "Yes, answer the equality questions (takes 2 minutes)": N_(
        "Yes, I will answer them (it takes 2 minutes)"
    ),
    "No, skip the equality questions": N_("No, skip these questions"),
    "Select yes if you want to answer the equality questions": N_(
        "Choose yes if you want to answer these questions"
    ),
    "Why we ask equality questions": N_("Why we ask these questions"),
    "Councils must think about how to avoid discrimination and give everyone a fair chance, "
    "in everything they do. This is called the public sector equality duty. Once a year we "
    "count everyone's answers, to check that our complaints service works as well for every "
    "group of people, and to change how we work if it does not. We only publish numbers, "
    "and never a number smaller than 5, so nobody can be recognised.": N_(
        "Councils must think about how to be fair to everyone, in all they do. "
        "This is called the public sector equality duty. "
        "Once a year, we count everyone's answers. "
        "This shows us if our complaints service works well for everyone. "
        "If it does not, we change how we work. "
        "We only share numbers, never names. "
        "We never share a number smaller than 5. "
        "This means nobody can tell who you are."
    ),
    "Equality questions (optional)": N_("Questions about you (optional)"),
    "Select your age group or 'Prefer not to say'": N_("Choose your age, or 'Prefer not to say'"),
    "Select your sex or 'Prefer not to say'": N_("Choose your sex, or 'Prefer not to say'"),
    "Select whether the gender you identify with is the same as your sex registered at "
    "birth, or 'Prefer not to say'": N_("Choose yes, no, or 'Prefer not to say'"),
    "What is your gender identity? (optional)": N_("What is your gender? (optional)"),
    "Which of the following options best describes how you think of yourself?": N_(
        "Which of these best describes how you think of yourself?"
    ),
    "Select the option that best describes how you think of yourself, or 'Prefer not to say'": N_(
        "Choose the answer that best describes you, or 'Prefer not to say'"
    ),
    "What is your legal marital or registered civil partnership status?": N_(
        "Are you married, or in a civil partnership?"
    ),
    "Never married and never registered in a civil partnership": N_(
        "Never married and never in a civil partnership"
    ),
    "Formerly in a civil partnership which is now legally dissolved": N_(
        "Was in a civil partnership that has now legally ended"
    ),
    "Surviving partner from a registered civil partnership": N_("My civil partner has died"),
    "Select your legal marital or registered civil partnership status, or 'Prefer not to say'": N_(
        "Choose an answer, or 'Prefer not to say'"
    ),
    "Select an ethnic group or 'Prefer not to say'": N_(
        "Choose an ethnic group, or 'Prefer not to say'"
    ),
    "How would you describe your background? (optional)": N_(
        "Tell us about your background (optional)"
    ),
    "Which of the following best describes your White background?": N_(
        "Which of these best describes your White background?"
    ),
    "Select the option that best describes your White background, or 'Prefer not to say'": N_(
        "Choose the answer that best describes you, or 'Prefer not to say'"
    ),
    "Which of the following best describes your Mixed or multiple ethnic groups background?": N_(
        "Which of these best describes your Mixed background?"
    ),
    "Select the option that best describes your Mixed or multiple ethnic groups background, "
    "or 'Prefer not to say'": N_(
        "Choose the answer that best describes you, or 'Prefer not to say'"
    ),
    "Which of the following best describes your Asian or Asian British background?": N_(
        "Which of these best describes your Asian or Asian British background?"
    ),
    "Select the option that best describes your Asian or Asian British background, or "
    "'Prefer not to say'": N_("Choose the answer that best describes you, or 'Prefer not to say'"),
    "Which of the following best describes your Black, African, Caribbean or Black British "
    "background?": N_("Which of these best describes your Black background?"),
    "Select the option that best describes your Black, African, Caribbean or Black British "
    "background, or 'Prefer not to say'": N_(
        "Choose the answer that best describes you, or 'Prefer not to say'"
    ),
    "Which of the following best describes your background?": N_(
        "Which of these best describes your background?"
    ),
    "Select the option that best describes your background, or 'Prefer not to say'": N_(
        "Choose the answer that best describes you, or 'Prefer not to say'"
    ),
    "Including Church of England, Catholic, Protestant and all other Christian denominations.": N_(
        "It can be any kind of Christian. For example, Church of England or Catholic."
    ),
    "Any other religion": N_("Something else"),
    "What is your religion? (optional)": N_("Tell us which one (optional)"),
    "Select your religion, 'No religion' or 'Prefer not to say'": N_(
        "Choose an answer, or 'Prefer not to say'"
    ),
    "Do you have any physical or mental health conditions or illness lasting or expected "
    "to last 12 months or more?": N_(
        "Do you have an illness or health problem, of body or mind? "
        "Has it lasted, or will it last, 12 months or more?"
    ),
    "Select whether you have any physical or mental health conditions or illness lasting "
    "12 months or more, or 'Prefer not to say'": N_("Choose yes, no, or 'Prefer not to say'"),
    "Do any of your conditions or illnesses reduce your ability to carry out day-to-day "
    "activities?": N_("Do any of these make everyday things harder for you?"),
    "Select how much your conditions or illnesses reduce your ability to carry out "
    "day-to-day activities, or 'Prefer not to say'": N_(
        "Choose how much it makes things harder, or 'Prefer not to say'"
    ),
    "For example, eating, washing, walking or going shopping.": N_(
        "For example, eating, washing, walking or going to the shops."
    ),
    # Save and come back later ------------------------------------------------------------
    "Save your answers and come back later": N_("Save your answers for later"),
    "Your answers are saved each time you select Continue. We can email you a link so you "
    "can carry on later, on this device or another one.": N_(
        "We save your answers each time you select Continue. "
        "We can email you a link to carry on later. "
        "You can use this phone or computer, or another one."
    ),
    "The link works once. We will not put any of your answers in the email.": N_(
        "The link works once. Your answers will not be in the email."
    ),
    "We will only use this to send you the link.": N_("We will only use it to send you the link."),
    "The link was not sent because this page was open for a long time. Check your email "
    "address and select Send link.": N_(
        "We did not send the link. The page was open too long. "
        "Check your email address and select Send link."
    ),
    "If it has not arrived in a few minutes, check your spam or junk folder.": N_(
        "Has it not come after a few minutes? Look in your spam or junk folder."
    ),
    "If you are using a shared computer": N_("If other people use this computer"),
    "Your answers are kept on our system, not on this computer. You can close the browser "
    "now, and nobody else using this computer will see your answers. Only the link in the "
    "email can open them again.": N_(
        "We keep your answers safe with us, not on this computer. "
        "You can close the browser now. "
        "Nobody else using this computer will see your answers. "
        "Only the link in the email can open them again."
    ),
    "To be sure, select Finish for now before you close the browser.": N_(
        "To be safe, select Finish for now before you close the browser."
    ),
    "Continue your complaint, compliment or comment": N_("Carry on where you stopped"),
    "Your answers are saved. Select the button to carry on from where you stopped.": N_(
        "Your answers are saved. Select the button to carry on."
    ),
    "The link in your email works once. If you need to stop again, you can ask for a new link.": N_(
        "The link in your email works once. If you stop again, you can ask for a new link."
    ),
    "Select Continue where you left off again. If you see this message again, check that "
    "your browser allows cookies.": N_(
        "Select Continue where you left off again. "
        "If you see this again, check that your browser allows cookies."
    ),
    "Check that you copied the whole link from the email. Some email programs split long "
    "links over two lines.": N_(
        "Check that you copied the whole link from the email. "
        "Some emails break long links over two lines."
    ),
    "Each link works once. If you have already carried on in another browser or on another "
    "device, carry on there.": N_(
        "Each link works once. "
        "Did you carry on already on another phone or computer? Then carry on there."
    ),
    "Links to saved answers only work for a short time, and saved answers are deleted if "
    "they are not used for a while.": N_(
        "Links only work for a short time. We delete saved answers if nobody uses them for a while."
    ),
    "You do not need to do anything else. If you need your reference, contact the complaints "
    "team.": N_(
        "You do not need to do anything else. "
        "If you need your reference number, contact the complaints team."
    ),
    "If you need help, or do not want to start again, contact the complaints team.": N_(
        "Do you need help, or not want to start again? Talk to the complaints team."
    ),
}
