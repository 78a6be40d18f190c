import campaignSchema from '../../../content-types/campaign/schema.json';
import {
  CAMPAIGN_STATES,
  CAMPAIGN_TRANSITIONS,
  canDelete,
  canEditField,
  canTake,
  editorActionsFor,
  refusalOf,
  type CampaignAction,
} from '../campaign-lifecycle';

describe('campaign lifecycle', () => {
  it('declares exactly the states of the content type, in its order', () => {
    expect(CAMPAIGN_STATES).toEqual(campaignSchema.attributes.state.enum);
  });

  it('moves only between declared states', () => {
    for (const [action, transition] of Object.entries(CAMPAIGN_TRANSITIONS)) {
      expect({ action, states: [...transition.from, transition.to].filter((s) => !CAMPAIGN_STATES.includes(s)) }).toEqual({
        action,
        states: [],
      });
      expect(transition.from).not.toContain(transition.to);
    }
  });

  it('offers editors the buttons each state allows', () => {
    expect(Object.fromEntries(CAMPAIGN_STATES.map((state) => [state, editorActionsFor(state)]))).toEqual({
      draft: ['send', 'schedule'],
      scheduled: ['send', 'unschedule', 'cancel'],
      sending: ['pause', 'cancel'],
      paused: ['resume', 'cancel'],
      sent: [],
      cancelled: [],
      failed: [],
    });
  });

  it('keeps the system moves out of the editor buttons', () => {
    expect(canTake('sending', 'complete')).toBe(true);
    for (const state of CAMPAIGN_STATES) expect(editorActionsFor(state)).not.toContain('complete' as CampaignAction);
  });

  it('locks everything but the name once a campaign is sending or over', () => {
    expect(canEditField('draft', 'subject')).toBe(true);
    expect(canEditField('paused', 'content')).toBe(true);
    expect(canEditField('sending', 'subject')).toBe(false);
    expect(canEditField('sent', 'name')).toBe(true);
    expect(canDelete('sending')).toBe(false);
    expect(canDelete('sent')).toBe(true);
  });

  it('starts or misses only a scheduled campaign, and never from an editor', () => {
    expect(canTake('scheduled', 'start')).toBe(true);
    expect(canTake('draft', 'start')).toBe(false);
    expect(canTake('scheduled', 'miss')).toBe(true);
    expect(canTake('paused', 'miss')).toBe(false);
    expect(canTake('scheduled', 'schedule')).toBe(false);
    expect(canTake('sending', 'unschedule')).toBe(false);
    for (const state of CAMPAIGN_STATES) {
      expect(editorActionsFor(state)).not.toContain('start' as CampaignAction);
      expect(editorActionsFor(state)).not.toContain('miss' as CampaignAction);
    }
  });

  it('says which states an action needs', () => {
    expect(refusalOf('Spring', 'sent', 'cancel')).toBe(
      'Campaign "Spring" is sent: only a scheduled, sending or paused campaign can be cancelled'
    );
    expect(refusalOf('Spring', 'sent', 'pause')).toBe('Campaign "Spring" is sent: only a sending campaign can be paused');
    expect(refusalOf('Spring', 'sending', 'unschedule')).toBe('Campaign "Spring" is sending: only a scheduled campaign can be unscheduled');
  });
});
