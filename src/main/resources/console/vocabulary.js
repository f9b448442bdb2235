/* The API's words (api-spec/openapi.yaml) and what they mean to a reader. */

export const CHANNELS = ['twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'linkedin', 'forum', 'review', 'other'];
export const VISIBILITIES = ['public', 'private'];
export const LANGUAGES = {en: 'English', pl: 'Polish', uk: 'Ukrainian', ru: 'Russian', hu: 'Hungarian', und: 'undetermined'};
export const ACTION_TYPES = {
  RESPOND_PUBLICLY: 'Reply in the thread',
  HOLDING_REPLY: 'Holding reply (outside staffed hours)',
  THANK: 'Thank the author',
  ESCALATE: 'Hand over to the queue\'s team',
  MOVE_TO_PRIVATE: 'Continue in private messages',
  HIDE_PUBLIC_POST: 'Hide the post (it exposes personal data)',
  FORWARD_TO_PRODUCT: 'Pass the suggestion to product',
  PIN_STATEMENT: 'Pin one public statement',
  NO_ACTION: 'Nothing to do',
};
export const QUEUES = ['social-care', 'compliance', 'fraud', 'product', 'crisis', 'on-call'];
export const HIGHLIGHT_KINDS = {personal_data: 'personal data', topic: 'topic', intent: 'intent'};
