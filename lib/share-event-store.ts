// Where the guard kept its decision events before the private log existed: a v1 array in
// storage.local. Only the key remains, for the log writer's one-time migration into IndexedDB.
export const SHARE_EVENTS_KEY = 'shareEvents';
