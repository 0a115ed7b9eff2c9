"""Easy-read variants: pages.

The information pages (start, help, accessibility, privacy, cookies), the screening exits and
result, the error pages, the compliment and comment journey, the confirmation pages, and the
contact records they show (the help directory and the council profiles).
"""

from __future__ import annotations

from portal.easy_read.marker import N_

VARIANTS: dict[str, str] = {
    "Children's social care complaints": N_("Complaints about children's social care"),
    # ---- start page
    "Tell %(council)s when you are unhappy with its children's social care services.": N_(
        "Tell %(council)s when you are not happy with its children's social care."
    ),
    "You can complain about things like social workers, children in care, leaving care, fostering, adoption, special guardianship and support for children in need.": N_(
        "You can complain about social workers, or about living in care or leaving care. "
        "You can complain about fostering, adoption or special guardianship. "
        "You can complain about help for a child in need."
    ),
    "Making a complaint will not affect the services you or your family get. You will not get into trouble for complaining.": N_(
        "It is OK to complain. You will not get in trouble for it. "
        "You and your family will still get the same help."
    ),
    "For a complaint, we will first ask some questions to check this is the right place. If it is not, we will tell you where to go instead.": N_(
        "First we will ask you some questions. They check this is the right place. "
        "If it is not, we will tell you where to go."
    ),
    "Children, young people and care leavers can have an advocate for free. An advocate is someone who does not work for the council and who helps you say what you want to say.": N_(
        "Children, young people and care leavers can have an advocate. It is free. "
        "An advocate is on your side. They do not work for the council. "
        "They help you say what you want to say."
    ),
    # ---- help page
    "An advocate is someone who is on your side and does not work for children's social care. They can help you make a complaint, or speak for you. Children and young people in care, children in need and care leavers have a right to an advocate.": N_(
        "An advocate is on your side. They do not work for children's social care. "
        "They can help you make a complaint. They can also speak for you. "
        "You have a right to an advocate if you are in care or leaving care. "
        "Children in need have this right too."
    ),
    "The Local Government and Social Care Ombudsman looks at complaints when the council's complaints procedure has finished, or when the council has taken too long. It is free and independent.": N_(
        "The Ombudsman can look at your complaint when the council has finished with it. "
        "It can also help if the council takes too long. "
        "The Ombudsman is free. It does not work for the council."
    ),
    # ---- the help directory (portal/directory.toml); NYAS, Coram Voice, the Ombudsman and the
    # council advocacy service's purposes are in tracking.py, which shows them too
    "Free advice and help for children and young people, including with complaints against a council.": N_(
        "Free advice and help for children and young people. "
        "They can help with a complaint about a council."
    ),
    "Free, private help for children and young people, about anything that worries or upsets them.": N_(
        "Free help for children and young people. "
        "You can talk to them about anything that worries you. "
        "They keep what you say private."
    ),
    "If you are a child or young person and something worries or upsets you, you can talk to Childline. It is free and private.": N_(
        "Are you a child or young person? Does something worry or upset you? "
        "You can talk to Childline. It is free. They keep what you say private."
    ),
    "Free, confidential advice about children's services, including template letters for making a complaint.": N_(
        "Free advice about children's services. They keep what you say private. "
        "They have example letters to help you complain."
    ),
    "Check the Ombudsman's website for when the phone line is open. You can also complain online.": N_(
        "Check the website to see when the phone line is open. You can also complain online."
    ),
    "Ofsted registers and inspects children's homes, fostering agencies and adoption agencies and uses concerns to decide what to inspect, but it does not settle individual complaints.": N_(
        "Ofsted checks children's homes, fostering agencies and adoption agencies. "
        "What you tell Ofsted helps it decide what to check. "
        "But Ofsted does not sort out single complaints."
    ),
    "An independent panel that reviews a decision not to approve you as a foster carer or adopter, or to end or change your approval, if you apply within 28 days (fostering) or 40 working days (adoption).": N_(
        "A group of people who do not work for the service. "
        "They look again if you are turned down as a foster carer or adopter. "
        "They also look at a decision to end or change your approval. "
        "For fostering, apply within 28 days. For adoption, apply within 40 working days."
    ),
    "Free advice for foster carers, for example if you face an allegation or want to use the Independent Review Mechanism.": N_(
        "Free advice for foster carers. For example, if someone says you did something wrong. "
        "Or if you want to ask for a review."
    ),
    "The final stage for complaints about the NHS in England, after the NHS provider or integrated care board has answered your complaint.": N_(
        "The last step for complaints about the NHS in England. "
        "Go to them after the NHS has answered your complaint."
    ),
    "Where to go next if you are unhappy with how a police force dealt with your complaint.": N_(
        "Go to them if you are unhappy with how the police dealt with your complaint."
    ),
    "Complaints about a school or academy, after you have used the school's or academy's own complaints procedure.": N_(
        "Complaints about a school or academy. First use the school's own way to complain."
    ),
    "Confidential advice, support and information about NHS services, from a PALS team in your local hospital.": N_(
        "Private advice and help about NHS services. There is a PALS team in your local hospital."
    ),
    "If it is not an emergency but you need to report a crime, call the police on 101.": N_(
        "To report a crime that is not an emergency, call the police on 101."
    ),
    # ---- council profiles (portal/councils/*.toml)
    "Make, follow or escalate a complaint, and arrange an advocate.": N_(
        "Make a complaint, ask how it is going, or take it further. They can get you an advocate."
    ),
    "Tell us you are worried about a child, or ask for help for a child or family.": N_(
        "Tell us if you are worried about a child. Or ask for help for a child or family."
    ),
    "Complaints about other council services, including school admissions, special educational needs support, school attendance and early help.": N_(
        "Complaints about other council services. For example, school places, going to school "
        "and early help. Or help with special needs."
    ),
    "Make, follow or escalate a complaint about children's social care, or talk it over before you complain. You can also use the online complaints form on the council's website.": N_(
        "Make a complaint, ask how it is going, or take it further. "
        "You can talk it over before you complain. "
        "You can also use the complaints form on the council's website."
    ),
    "To tell the council you are worried about a child, or to ask for help for a child or family, use the contact details on the council's website.": N_(
        "Are you worried about a child? Do you need help for a child or family? "
        "Use the contact details on the council's website."
    ),
    "To ask the council to help a child or family, or to tell it you are worried about a child, use the contact details on the council's website.": N_(
        "Do you need help for a child or family? Are you worried about a child? "
        "Use the contact details on the council's website."
    ),
    "Complaints about other council services. The children's social care complaints team will tell you if it looks at your complaint under the corporate complaints policy.": N_(
        "Complaints about other council services. "
        "The complaints team will tell you if your complaint goes here instead."
    ),
    "Free, independent help for children and young people to make a complaint. Ask the complaints team how to get an advocate.": N_(
        "Free help for children and young people to make a complaint. "
        "They do not work for the council. Ask the complaints team how to get an advocate."
    ),
    "Claims for money for loss of, or damage to, property. Find how to claim on the council's website.": N_(
        "Ask for money if something was lost or damaged. Find how to do this on the council's website."
    ),
    "Make, follow or escalate a complaint about children's social care, or talk about a problem before you complain.": N_(
        "Make a complaint, ask how it is going, or take it further. "
        "You can talk about a problem before you complain."
    ),
    "Free, independent help to make a complaint. Ask the Children's Customer Care and Complaints Manager to arrange an advocate, or ask a relative or friend to speak for you.": N_(
        "Free help to make a complaint. They do not work for the council. "
        "Ask the complaints manager to get you an advocate. "
        "Or ask a relative or friend to speak for you."
    ),
    "Make, follow or escalate a complaint about children's social care, and arrange an advocate. Use the online complaint form on the council's website, or complain in person, by phone or by post.": N_(
        "Make a complaint, ask how it is going, or take it further. They can get you an advocate. "
        "Use the form on the council's website. Or complain in person, by phone or by post."
    ),
    "Complaints about other council services, and some complaints about children's social care that the council considers under its corporate procedure. Find how to complain on the council's website.": N_(
        "Complaints about other council services. Some children's social care complaints go here too. "
        "Find how to complain on the council's website."
    ),
    "Free, independent help for children and young people to make a complaint. The complaints team can arrange an advocate, or you can contact NYAS yourself.": N_(
        "Free help for children and young people to make a complaint. "
        "The complaints team can get you an advocate. Or you can contact NYAS yourself."
    ),
    "Claims against the council for compensation. Find how to claim on the council's website.": N_(
        "Ask the council for money to make up for a loss. Find how on the council's website."
    ),
    "Make, follow or escalate a complaint about children's social care, or talk over your options if you need extra help.": N_(
        "Make a complaint, ask how it is going, or take it further. "
        "You can talk about your choices if you need extra help."
    ),
    "Complaints about other council services, including education the council is responsible for. Find how to complain on the council's website.": N_(
        "Complaints about other council services, like some education. "
        "Find how to complain on the council's website."
    ),
    "Free, independent help for Southwark's looked-after children and care leavers to make a complaint or be heard.": N_(
        "Free help for Southwark's children in care and care leavers. "
        "They help you make a complaint or be heard. They do not work for the council."
    ),
    # ---- accessibility statement
    "We test every page with automated accessibility checks, in a real browser, on every change. We aim to meet the Web Content Accessibility Guidelines version 2.2 to level AA.": N_(
        "Each time we change this website, a computer checks every page. "
        "We aim to meet the Web Content Accessibility Guidelines version 2.2, level AA."
    ),
    "When a choice on a page shows a follow-up question, the choice tells screen readers whether the follow-up is showing. Automated checkers report this as not allowed by the ARIA specification. We keep it, as the GOV.UK Design System does, because screen readers announce it and testing with users found it helps.": N_(
        "Some answers open one more question. Screen readers are told if that question is showing. "
        "Some checking tools say this breaks a rule called ARIA. "
        "We keep it because it helps people who use screen readers. "
        "The GOV.UK Design System does the same."
    ),
    "If you need the information in another format": N_("If you need this in another format"),
    "Contact the complaints team to ask for large print, easy read, audio, braille or another language, or to complain by phone or in person.": N_(
        "Ask the complaints team for large print, easy read, audio or braille. "
        "You can also ask for another language. "
        "You can complain by phone or in person too."
    ),
    "How accessible this service is": N_("How easy this website is to use"),
    "zoom in up to 400%% without the text spilling off the screen": N_(
        "zoom in up to 400%% and still see all the text"
    ),
    "Enforcement procedure": N_("Who checks we follow the law"),
    "The Equality and Human Rights Commission is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service.": N_(
        "The Equality and Human Rights Commission checks we follow the law. "
        "The law is the Public Sector Bodies (Websites and Mobile Applications) "
        "(No. 2) Accessibility Regulations 2018. "
        "Not happy with our answer to your complaint? "
        "Contact the Equality Advisory and Support Service."
    ),
    "Preparation of this statement": N_("When we wrote this"),
    "This statement was prepared on 23 November 2026.": N_(
        "We wrote this statement on 23 November 2026."
    ),
    # ---- privacy notice
    "%(council)s is the data controller for the information you give in this service.": N_(
        "%(council)s is in charge of the information you give us. "
        "The law calls this the data controller."
    ),
    "We use your information to look into your complaint, compliment or comment, and to reply to you. The law says councils must have a complaints procedure for children's social care (the Children Act 1989 and the Children Act 1989 Representations Procedure (England) Regulations 2006).": N_(
        "We use your information to look into what you tell us. We also use it to reply to you. "
        "The law says councils must deal with complaints about children's social care. "
        "One law is the Children Act 1989. "
        "The other is the Children Act 1989 Representations Procedure (England) Regulations 2006."
    ),
    "Only the people who need to see your complaint to deal with it: the complaints team, the managers of the services involved and, if your complaint goes further, an independent investigator or panel.": N_(
        "Only people who need to see your complaint will see it. "
        "This means the complaints team and the managers of the services. "
        "If your complaint goes further, people who do not work for us may check it."
    ),
    "If you answer the optional equality questions, your answers are kept apart from your complaint. The person dealing with your complaint cannot see them. We only use them as totals, to check everyone can use the complaints procedure.": N_(
        "We may ask some questions about you, called equality questions. You do not have to answer. "
        "We keep your answers away from your complaint. "
        "The person dealing with your complaint cannot see them. "
        "We only count them up. This checks everyone can use the complaints process."
    ),
    "If you tell us something that makes us think a child is at risk of harm, we will share it with the people who need to know to keep the child safe.": N_(
        "You might tell us something that makes us think a child could be harmed. "
        "Then we will tell the people who need to know. This is to keep the child safe."
    ),
    "You can ask to see the information we hold about you, and ask us to correct it. Making a complaint does not give you a right to see a child's records: that is a separate request.": N_(
        "You can ask to see the information we have about you. You can ask us to correct it. "
        "A complaint does not let you see a child's records. You need to ask for those separately."
    ),
    "If you are unhappy with how we use your information, you can complain to the Information Commissioner's Office.": N_(
        "Are you unhappy with how we use your information? "
        "You can complain to the Information Commissioner's Office."
    ),
    # ---- cookies
    "Cookies are small files saved on your phone, tablet or computer when you visit a website.": N_(
        "Cookies are small files. Websites save them on your phone, tablet or computer."
    ),
    "This service uses one cookie. It is essential, so we do not ask for your permission to use it. We do not use cookies to track you or to measure how the service is used.": N_(
        "This website uses one cookie. It needs it to work, so we do not ask you first. "
        "We do not use cookies to follow what you do. We do not use them to count visits."
    ),
    "Essential cookie": N_("The cookie we need"),
    "Remembers your answers so far, your language and reading mode, and protects the form from misuse": N_(
        "Remembers your answers, your language and your reading mode. It also keeps the form safe"
    ),
    "Your answers are not kept in the cookie itself, only a random code that lets this service find them. To remove it, clear your browser's cookies for this website, or use a private browsing window.": N_(
        "Your answers are not in the cookie. It only holds a code that helps us find them. "
        "To remove it, clear the cookies for this website in your browser. "
        "Or use a private window."
    ),
    # ---- footer
    "This service is run by %(council)s.": N_("%(council)s runs this website."),
    "%(council)s is not a real council: this is a demonstration.": N_(
        "%(council)s is not a real council. This website is only an example."
    ),
    # ---- error pages
    "Sorry, there is a problem with that request": N_("Sorry, something went wrong"),
    "Sorry, there is a problem with the service": N_("Sorry, something has gone wrong"),
    "This can happen if a page was open for a long time, or if your browser blocks cookies.": N_(
        "This can happen if a page was open for a long time. "
        "It can also happen if your browser blocks cookies."
    ),
    "There have been too many attempts from your internet connection in a short time. Wait a minute, then try again.": N_(
        "There have been too many tries from your internet in a short time. "
        "Wait a minute, then try again."
    ),
    # ---- screening exits
    "When you can appeal a decision, for example to a tribunal, the appeal is the way to change it. A complaint cannot overturn it.": N_(
        "Some decisions have a right to appeal, for example to a tribunal. "
        "An appeal is the way to change the decision. A complaint cannot change it."
    ),
    "The letter telling you about the decision should say how to appeal and by when. Appeals often have strict time limits, so do not wait.": N_(
        "The letter about the decision should say how to appeal. It should say by when. "
        "There is often a strict time limit, so do not wait."
    ),
    "If you cannot find how to appeal, ask the complaints team. You can also complain about how the decision was made, or about delay.": N_(
        "Not sure how to appeal? Ask the complaints team. "
        "You can still complain about how the decision was made. "
        "You can also complain about a delay."
    ),
    "Complaints about a child protection conference, or a decision about a child protection plan, are not dealt with by the children's social care complaints procedure.": N_(
        "This complaints process does not cover child protection conferences. "
        "It does not cover decisions about child protection plans either."
    ),
    "Write to the person who chaired the conference. Their name is on the conference invitation or the notes of the meeting. If you do not know who it is, ask the children's social care team.": N_(
        "Write to the person who ran the conference. They are called the chair. "
        "Their name is on the invitation or the meeting notes. "
        "Not sure who it is? Ask the children's social care team."
    ),
    "Other complaints about child protection, such as how a social worker behaved, go to the council's general complaints procedure.": N_(
        "Other child protection complaints go to the council's general complaints process. "
        "For example, how a social worker behaved."
    ),
    "Your complaint is about a council service that is not children's social care. For example, school admissions, special educational needs support, school attendance, early help, or another council service.": N_(
        "Your complaint is about a different council service. "
        "It is not about children's social care. "
        "For example, school places, going to school, help with special needs, or early help."
    ),
    "Only a court can change a court's decision. If you think a court got it wrong, get legal advice quickly: there may be a time limit to appeal.": N_(
        "Only a court can change a court's decision. Do you think a court got it wrong? "
        "Get legal advice quickly. There may be a time limit to appeal."
    ),
    "If your complaint is about how the council wrote a report for a court, such as a section 7 or section 37 report, that goes to the council's general complaints procedure.": N_(
        "Is your complaint about how the council wrote a report for a court? "
        "For example, a section 7 or section 37 report. "
        "That goes to the council's general complaints process."
    ),
    "Call 999 if a child is in danger right now, or a crime is happening.": N_(
        "Call 999 if a child is in danger right now. Call 999 if a crime is happening."
    ),
    "This service is for complaints. Nobody reads complaints straight away, so do not use it to tell us a child is at risk.": N_(
        "This website is for complaints. Nobody reads complaints straight away. "
        "So do not use it to tell us a child is at risk."
    ),
    "If you are only asking for money for loss of, or damage to, property, that is an insurance claim, not a complaint.": N_(
        "Are you only asking for money because something was lost or damaged? "
        "That is an insurance claim, not a complaint."
    ),
    "If you are also unhappy with how a service treated you, you can make a complaint about that too.": N_(
        "Are you also unhappy with how a service treated you? You can complain about that too."
    ),
    "Decisions about approving foster carers or adopters have their own review process. The complaints procedure is not used for them.": N_(
        "This decision is about being a foster carer or adopter. It has its own review. "
        "You cannot use the complaints process for them."
    ),
    "Complain to the NHS service itself, such as the GP surgery or hospital, or to the integrated care board that pays for it.": N_(
        "Complain to the NHS service, like the GP surgery or hospital. "
        "Or complain to the integrated care board that pays for it."
    ),
    "If you are still unhappy with the NHS's final answer, you can go to the Parliamentary and Health Service Ombudsman.": N_(
        "Still unhappy with the NHS's final answer? "
        "You can go to the Parliamentary and Health Service Ombudsman."
    ),
    "You cannot complain about a decision before it is made. When the council has decided, you can complain if you are unhappy with the decision.": N_(
        "You cannot complain about a decision before it is made. "
        "When the council decides, you can complain if you are unhappy."
    ),
    "The Local Government and Social Care Ombudsman has already looked at this. Its decision is the final stage, so the council cannot look at the same complaint again.": N_(
        "The Local Government and Social Care Ombudsman has already looked at this. "
        "Its decision is the last step. So the council cannot look at it again."
    ),
    "Complain to the organisation responsible": N_("Complain to the people who run the service"),
    "The council can only look at complaints about its own services, or services it arranges. It cannot look at complaints about other organisations.": N_(
        "The council can only look at its own services, or services it sets up. "
        "It cannot look at other groups or companies."
    ),
    "Ask the organisation for its complaints procedure. Citizens Advice can help you work out where to complain.": N_(
        "Ask them how to complain. Citizens Advice can help you find where to complain."
    ),
    "If you are unhappy with how the police dealt with your complaint, you may be able to ask the Independent Office for Police Conduct to review it.": N_(
        "Unhappy with how the police dealt with your complaint? You may be able to ask for a review. "
        "The Independent Office for Police Conduct does these reviews."
    ),
    "Children's homes and fostering agencies that the council does not run must have their own complaints procedure. Complain to them first.": N_(
        "The council does not run every children's home or fostering agency. "
        "Those it does not run must have their own way to complain. Complain to them first."
    ),
    "Ofsted inspects these homes and agencies. You can tell Ofsted about your concerns, but it does not settle individual complaints.": N_(
        "Ofsted checks these homes and agencies. You can tell Ofsted if you are worried. "
        "But Ofsted does not sort out single complaints."
    ),
    "If the council arranged and pays for the placement, the council may be able to look into your complaint, for example if the home or agency has not put things right.": N_(
        "Did the council arrange and pay for the placement? "
        "Then the council may be able to look at your complaint. "
        "For example, if the home or agency has not put things right."
    ),
    "Schools, academies and colleges have their own complaints procedures. The council's children's social care complaints procedure cannot look at complaints about them.": N_(
        "Schools, academies and colleges have their own ways to complain. "
        "This complaints process cannot look at them."
    ),
    "Ask the school, academy or college for its complaints procedure. It is often on its website.": N_(
        "Ask the school, academy or college how to complain. It is often on their website."
    ),
    "If you are still unhappy at the end of it, you can complain to the Department for Education.": N_(
        "Still unhappy at the end? You can complain to the Department for Education."
    ),
    "Complaints about school admissions, special educational needs support or school attendance are about the council, not the school: use the council's complaints procedure.": N_(
        "Some school complaints are about the council, not the school. "
        "For example, school places, going to school, or help with special needs. "
        "Use the council's complaints process for these."
    ),
    "Asking for a service, or for help for a child or family, is a request, not a complaint. Children's social care deals with requests straight away, so contact them directly.": N_(
        "Asking for help for a child or family is a request. It is not a complaint. "
        "Children's social care deals with requests straight away. So contact them yourself."
    ),
    "If you asked for help and are unhappy with the answer, or with a delay, you can make a complaint about that.": N_(
        "Did you ask for help and not like the answer? Or was there a delay? "
        "You can complain about that."
    ),
    "Transport to school for children with special educational needs is usually run by a company for the council. Complaints about the journey, the driver or the vehicle go to that company first.": N_(
        "Some children with special needs get transport to school. "
        "A company usually runs it for the council. "
        "Complaints about the journey, driver or vehicle go to that company first."
    ),
    "If the company has not helped, or your complaint is about a council decision, you can still complain to the council.": N_(
        "Has the company not helped? Or is your complaint about a council decision? "
        "You can still complain to the council."
    ),
    "Use the council's general complaints procedure": N_(
        "Complain to the council in a different way"
    ),
    "These complaints go through the council's general complaints procedure, not this one.": N_(
        "They go through the council's general complaints process, not this one."
    ),
    "Corporate complaints": N_("The council's general complaints"),
    "Ask for a review of the fostering or adoption decision": N_(
        "Ask for someone to look again at the fostering or adoption decision"
    ),
    "There are time limits. For fostering, apply within 28 days of the letter about the decision. For adoption, apply within 40 working days.": N_(
        "There are time limits. For fostering, you have 28 days from the letter about the decision. "
        "For adoption, you have 40 working days."
    ),
    "ask the fostering or adoption service to look at its decision again": N_(
        "ask the service that made the decision to look at it again"
    ),
    "ask the Independent Review Mechanism for an independent review": N_(
        "ask the Independent Review Mechanism to look at it"
    ),
    "Complain to the transport provider first": N_("Complain to the transport company first"),
    "Complain to the transport company. Its details are on letters about the transport, or ask the school.": N_(
        "Complain to the transport company. Its details are on letters about the transport. "
        "Or ask the school."
    ),
    # ---- screening result
    "From your answers, this is a complaint about %(council)s's children's social care. It goes through the children's social care complaints procedure.": N_(
        "From your answers, your complaint is about %(council)s's children's social care. "
        "This is the right place for it."
    ),
    "You have had a final answer about this before. Tell us what is new, so we can decide whether to look at it again.": N_(
        "You have had a final answer about this before. Tell us what is new. "
        "Then we can decide whether to look at it again."
    ),
    "You found out more than 12 months ago. You can still complain. Tell us why you could not complain sooner, and we will decide whether we can still look into it fairly.": N_(
        "You found out more than 12 months ago. You can still complain. "
        "Tell us why you could not complain sooner. "
        "Then we will decide if we can still look into it fairly."
    ),
    "We need to check that you can complain about this child. We will usually ask the child, or a parent, and tell you what we decide.": N_(
        "We need to check that you can complain about this child. "
        "We will usually ask the child or a parent. Then we will tell you what we decide."
    ),
    "You were not sure about some answers. That is fine: the complaints team will check and tell you which procedure they will use.": N_(
        "You were not sure about some answers. That is fine. "
        "The complaints team will check which way to deal with it. They will tell you."
    ),
    "Next we will ask about you, what happened, and how we can contact you safely. It takes about 15 minutes. You can save your answers and come back later.": N_(
        "Next we will ask about you and what happened. We will ask how to contact you safely. "
        "It takes about 15 minutes. You can save your answers and come back later."
    ),
    # ---- compliments and comments
    "Which team or member of staff is it about? (optional)": N_(
        "Which team or worker is it about? (optional)"
    ),
    "For example, the name of your social worker, or the fostering team.": N_(
        "For example, your social worker's name. Or a team, like the fostering team."
    ),
    # ---- confirmation pages
    "We will contact you by %(date)s to say we have your complaint, and to check we understand it.": N_(
        "By %(date)s, we will tell you we have your complaint. We will check we understand it."
    ),
    "We aim to send you our answer by %(date)s. If we need longer, we will tell you why and when you will hear from us.": N_(
        "We aim to send you our answer by %(date)s. If we need longer, we will tell you why. "
        "We will also say when you will hear from us."
    ),
    "If you are not happy with our answer, you can ask for your complaint to be looked at again by someone independent.": N_(
        "Not happy with our answer? You can ask for someone independent to look at it again."
    ),
    "You asked about an advocate. We will pass your details to %(provider)s, who will contact you.": N_(
        "You asked about an advocate. We will pass your details to %(provider)s. "
        "They will contact you."
    ),
}
