"""Outlines shared by several test modules (a sample, not a test)."""

STORY = """\
deck:
  title: Specialised Parent-Infant Relationship Teams
  subtitle: A story of hope
  event: National Network Day
  date: 2023-11-23
  presenter: {name: Keith Reed, role: CEO, handle: "@CampaignsKeith"}
slides:
  - id: title
    layout: title
  - id: today
    layout: section
    title: Today
    subtitle: Feedback, a new story, and the impact so far
  - id: babies-suffering
    layout: bullets
    title: Babies are suffering now and need help
    bullets:
      - 10% of babies at risk of disorganised attachment
      - text: 60,000 babies leave hospital each year and live in fear, or terror
        except: [funders]
      - text: It's urgent we intervene with new mental health teams
        bullets:
          - Prevention is better than late intervention
          - {text: Teams work with the wider workforce, only: [commissioners]}
  - id: need-400
    layout: statement
    text: We need 400 not 40!
  - id: thanks
    layout: closing
    text: Thank you
"""
