"""Easy-read variants: tracking.

The pages under /track, the case page in every state (its due-date sentences, stage history
and notices come from portal/tracking/progress.py), the actions (ask, escalate, withdraw), the
messages and the advocacy questions. Facts stay as they are: the stages, who looks at a
complaint at each one, and that an advocate is free and on your side.

A due-date sentence never ends with a full stop: the pages and emails add one after it.
"""

from __future__ import annotations

from portal.easy_read.marker import N_

VARIANTS: dict[str, str] = {
    # Asking for a link, and opening it ---------------------------------------------------
    "We will email you a link to see how your complaint is going. You do not need an account "
    "or a password.": N_(
        "We will email you a link. It shows how your complaint is going. "
        "You do not need a password."
    ),
    "Use the email address you gave when you made your complaint.": N_(
        "Use the same email address you gave us when you made your complaint."
    ),
    "This is in the email we sent when you made your complaint, for example BDF-4K7-MZQ.": N_(
        "It is in the email we sent you. It looks like this: BDF-4K7-MZQ."
    ),
    "Enter the reference as it is in the email, like BDF-4K7-MZQ, or leave it out": N_(
        "Type the reference as it is in the email, or leave it out"
    ),
    "The link was not sent because this page was open for a long time. "
    "Check your answers and select Send link.": N_(
        "We did not send the link. This page was open for a long time. "
        "Check your answers and select Send link."
    ),
    "If we have a complaint with that email address, we have sent a link to it.": N_(
        "If that email address is on a complaint, we sent a link to it."
    ),
    "The email can take a few minutes to arrive. Check your spam or junk folder too.": N_(
        "The email can take a few minutes. Look in your junk or spam folder too."
    ),
    "Check that you used the email address you gave when you made your complaint, or contact "
    "the complaints team.": N_(
        "Check you used the same email address as on your complaint. "
        "Or get in touch with the complaints team."
    ),
    "Select Continue to see how your complaint is going.": N_(
        "Press Continue to see how your complaint is going."
    ),
    "Select Continue again. If you see this message again, check that your browser allows "
    "cookies.": N_(
        "Press Continue again. If you see this again, your browser may need to allow cookies."
    ),
    # Links that no longer work, and signing out ---------------------------------------------
    "Links to this complaint were stopped, for example because someone selected Sign out "
    "everywhere.": N_(
        "We stopped the links to this complaint. "
        "This happens when someone selects Sign out everywhere."
    ),
    "Links to follow a complaint only work for a while, to keep your complaint private.": N_(
        "Links only work for a short time. This keeps your complaint private."
    ),
    "Every link we have sent you for this complaint has stopped working, on every device.": N_(
        "All the links we sent you for this complaint have stopped working. "
        "This is on every phone and computer."
    ),
    "We signed you out because you had not used the page for a while. This keeps your "
    "complaint private.": N_(
        "We signed you out because you had not used the page for a while. "
        "This keeps your complaint private."
    ),
    "If you are on a shared computer, sign out when you have finished.": N_(
        "Sign out when you have finished, if other people use this phone or computer."
    ),
    "Sign out everywhere stops every link we have sent you for this complaint. Use it if "
    "someone else may have seen your emails. You can ask for a new link at any time.": N_(
        "Sign out everywhere stops all the links we sent you. "
        "Use it if someone else may have seen your emails. "
        "You can ask for a new link at any time."
    ),
    # The case page: what happens next --------------------------------------------------------
    "We count working days: not weekends or bank holidays.": N_(
        "We only count working days. Weekends and bank holidays do not count."
    ),
    "We count working days: not weekends or bank holidays. If we need longer, we will tell "
    "you why.": N_(
        "We only count working days. Weekends and bank holidays do not count. "
        "If we need longer, we will tell you why."
    ),
    "We should tell you we have your complaint by %(day)s": N_(
        "We should tell you we got your complaint by %(day)s"
    ),
    "If you are not happy with our answer, you can ask for stage 2 by %(day)s": N_(
        "Not happy with our answer? You can ask for stage 2 by %(day)s"
    ),
    "We should send you the result of the investigation by %(day)s": N_(
        "We should send you what the investigation found by %(day)s"
    ),
    "If you are not happy with the result, you can ask for a review panel by %(day)s": N_(
        "Not happy with the result? You can ask for a review panel by %(day)s"
    ),
    "We will agree with you what will be investigated, then send you the result by %(day)s "
    "at the latest": N_(
        "First we agree with you what we will look into. "
        "Then we send you the result by %(day)s at the latest"
    ),
    "If you are still not happy, you can ask the Local Government and Social Care Ombudsman "
    "to look at your complaint.": N_(
        "Still not happy? You can ask the Ombudsman to look at your complaint."
    ),
    "We are deciding whether you can make this complaint for the child. "
    "We will tell you as soon as we can.": N_(
        "We are checking if you can make this complaint for the child. "
        "We will tell you as soon as we can."
    ),
    # The case page: the stages and their history ----------------------------------------------
    "Stages of your complaint": N_("What happens, step by step"),
    "We received your complaint on %(day)s": N_("We got your complaint on %(day)s"),
    "We told you we had your complaint on %(day)s": N_(
        "We told you we got your complaint on %(day)s"
    ),
    "We agreed with you what will be investigated on %(day)s": N_(
        "We agreed with you what we will look into on %(day)s"
    ),
    "We sent you the result of the investigation on %(day)s": N_(
        "We sent you what the investigation found on %(day)s"
    ),
    # The case page: notices --------------------------------------------------------------------
    "On %(day)s we gave more time so that an advocate can help.": N_(
        "On %(day)s we gave more time, so an advocate can help."
    ),
    "On %(day)s we decided we cannot look at your complaint under this procedure.": N_(
        "On %(day)s we decided this process is not right for your complaint."
    ),
    "Your complaint was sorted out on %(day)s.": N_("We sorted out your complaint on %(day)s."),
    # The case page: the Ombudsman, withdrawing -------------------------------------------------
    "The Local Government and Social Care Ombudsman is free and independent. It can look at "
    "your complaint now, because our procedure has finished or we have taken too long.": N_(
        "The Local Government and Social Care Ombudsman is free. It does not work for the "
        "council. It can look at your complaint now. This is because our process has "
        "finished, or we have taken too long."
    ),
    # The case page: messages -------------------------------------------------------------------
    "You can write to the complaints team about your complaint, and add files.": N_(
        "You can write to the complaints team. You can add files too."
    ),
    # The case page: advocacy -------------------------------------------------------------------
    "An advocate is someone who is on your side and does not work for children's social care. "
    "They can help you say what you want, come to meetings with you, or speak for you. "
    "It is free.": N_(
        "An advocate is someone on your side. "
        "They do not work for children's social care. "
        "They can help you say what you want. "
        "They can come to meetings with you, or speak for you. "
        "It is free."
    ),
    "Children and young people in care, children in need and care leavers have a right to an "
    "advocate when they make a complaint.": N_(
        "Some people have a right to an advocate when they complain. "
        "This includes children in care and children in need. "
        "It also includes care leavers."
    ),
    "At this stage, an advocate can help you explain your complaint and what you want to "
    "happen.": N_(
        "An advocate can help you explain your complaint. "
        "They can help you say what you want to happen."
    ),
    "At this stage, an advocate can help you agree what the investigation will look at, and "
    "talk to the investigator with you.": N_(
        "An advocate can help you agree what the investigation will look at. "
        "They can talk to the investigator with you."
    ),
    "At this stage, an advocate can come to the review panel with you and speak for you.": N_(
        "An advocate can come to the review panel with you. They can speak for you."
    ),
    "An advocate can help you decide what to do next, including going to the Ombudsman.": N_(
        "An advocate can help you decide what to do next. This could be going to the Ombudsman."
    ),
    "Or contact an advocacy service yourself": N_(
        "Or get in touch with an advocacy service yourself"
    ),
    # Ask, escalate, withdraw, done -------------------------------------------------------------
    "We will look at your complaint and tell you where it is up to, and when you will get an "
    "answer.": N_(
        "We will check where your complaint is up to. We will tell you when you will get an answer."
    ),
    "Is there anything you want to tell us? (optional)": N_(
        "Is there anything else you want to tell us? (optional)"
    ),
    "For example, if something has changed or you need an answer by a certain date.": N_(
        "For example, if something has changed. Or if you need an answer by a certain day."
    ),
    "At stage 2, someone who does not work for children's social care looks at your complaint "
    "again. An independent person checks that it is done fairly.": N_(
        "At stage 2, someone looks at your complaint again. "
        "They do not work for children's social care. "
        "Another person checks it is done fairly. "
        "They do not work for the council."
    ),
    "At stage 3, a panel of three people who do not work for the council looks at how your "
    "complaint was dealt with. You can go to the meeting and bring someone with you.": N_(
        "At stage 3, a panel of 3 people meets. "
        "They look at how we dealt with your complaint. "
        "They do not work for the council. "
        "You can go to the meeting. "
        "You can bring someone with you."
    ),
    "Tell us in your own words. This helps us understand what to look at again.": N_(
        "Tell us in your own words. This helps us know what to look at again."
    ),
    "You do not have to tell us. It can help us improve our services.": N_(
        "You do not have to tell us. It can help us do better."
    ),
    "We have stopped looking at your complaint. If this was a mistake, contact us.": N_(
        "We have stopped looking at your complaint. If this was a mistake, get in touch with us."
    ),
    "If you change your mind, contact us. You can also make a new complaint.": N_(
        "If you change your mind, get in touch with us. You can also make a new complaint."
    ),
    "Your answer was not sent because this page was open for a long time. Try again.": N_(
        "We did not get your answer. This page was open for a long time. Try again."
    ),
    # Messages ------------------------------------------------------------------------------------
    "Messages between you and %(council)s about complaint %(reference)s.": N_(
        "Here you can read the messages between you and us."
    ),
    "Write to the complaints team about your complaint. They will reply here, and may also "
    "contact you in the ways you asked.": N_(
        "Write to the complaints team. They will reply here. "
        "They may also get in touch in the ways you asked."
    ),
    "For example, letters, photos or recordings. You can add up to %(files)s files, each "
    "smaller than %(size)sMB, and select several at once.": N_(
        "For example, letters, photos or recordings. You can add up to %(files)s files. "
        "Each one must be smaller than %(size)sMB. You can pick more than one at once."
    ),
    "Your message was not sent because this page was open for a long time. "
    "Add any files again and select Send message.": N_(
        "We did not send your message. This page was open for a long time. "
        "Add any files again and select Send message."
    ),
    # A limit on how the person may contact the council (the restriction notice) -------------
    "This does not stop you asking for your complaint to go to the next stage, and it does "
    "not stop you going to the Local Government and Social Care Ombudsman. You can still "
    "withdraw your complaint or ask for an advocate here.": N_(
        "You can still ask for your complaint to go to the next stage. "
        "You can still go to the Local Government and Social Care Ombudsman. "
        "You can still withdraw your complaint here. "
        "You can still ask for an advocate here."
    ),
    # Asking for an advocate -------------------------------------------------------------------
    "An advocate is someone who is on your side and does not work for children's social "
    "care. They can help a person say what they want, or speak for them.": N_(
        "An advocate is someone on your side. "
        "They do not work for children's social care. "
        "They help a person say what they want, or speak for them."
    ),
    "For example, they live with foster carers, in a children's home or with relatives.": N_(
        "For example, they live with foster carers, in a children's home or with family."
    ),
    "Does a parent agree, or does %(name)s want an advocate themselves?": N_(
        "Does a parent agree? Or does %(name)s want an advocate?"
    ),
    "When a child lives at home, an advocacy service usually needs a parent to agree. "
    "A child who understands what an advocate does can ask for one themselves. "
    "We will still pass on your request whatever you answer.": N_(
        "If a child lives at home, a parent usually needs to agree. "
        "But a child who knows what an advocate does can ask for one. "
        "We will pass on your request, whatever you answer."
    ),
    "Select if a parent agrees, or if the child or young person wants an advocate": N_(
        "Select if a parent agrees, or if the child wants an advocate"
    ),
    "%(name)s understands what an advocate does, and wants one": N_(
        "%(name)s knows what an advocate does, and wants one"
    ),
    "A parent's agreement, or whether the child understands what an advocate does and wants "
    "one": N_("That a parent agrees, or the child knows about advocates and wants one"),
    "What help there is: the right to an advocate is for children, young people and care "
    "leavers": N_(
        "What help there is. "
        "The right to an advocate is for children, young people and care leavers"
    ),
    "We will pass your request to %(provider)s. They will contact you to talk about what help "
    "you need. It is free.": N_(
        "We will pass your request to %(provider)s. "
        "They will get in touch to talk about what help you need. It is free."
    ),
    "%(provider)s will contact you. Your request is also in your messages, so you can see what "
    "you asked for.": N_(
        "%(provider)s will get in touch with you. You can see your request in your messages."
    ),
    "If you do not hear from them, or you need help sooner, contact them yourself:": N_(
        "If you do not hear from them, or need help sooner, get in touch yourself:"
    ),
    # Contact records shown on these pages (portal/directory.toml, the council profiles) --------
    "Free, independent help for children, young people and care leavers to make a complaint "
    "or be heard.": N_(
        "Free help for children, young people and care leavers. "
        "They help you make a complaint or be heard."
    ),
    "Free, independent advocacy and advice to help children and young people be heard, "
    "including when they make a complaint.": N_(
        "Free help and advice for children and young people, so they are heard. "
        "This includes when they make a complaint."
    ),
    "Free advice on your right to an advocate, help to find your local advocacy service, and "
    "an advocate if your local service cannot help.": N_(
        "Free advice about your right to an advocate. "
        "They can help you find an advocate near you. "
        "If no one near you can help, they can give you an advocate."
    ),
    "A free, independent service that looks at complaints about councils once the council "
    "has had its chance to put things right.": N_(
        "A free service that looks at complaints about councils. "
        "It does not work for any council. "
        "You go to them after the council has tried to put things right."
    ),
}
