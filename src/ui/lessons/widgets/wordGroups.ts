// Word sets used by the map, probe and recommendation widgets: everyday categories common enough to be in the
// shipped vocabulary (the widgets drop and name any that are missing).
export const WORD_GROUPS: Record<string, string[]> = {
  animals: ['dog', 'cat', 'horse', 'cow', 'bird', 'fish', 'sheep', 'pig', 'lion', 'mouse', 'bear', 'wolf', 'deer', 'snake', 'duck', 'rabbit'],
  numbers: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'hundred', 'thousand'],
  colours: ['red', 'blue', 'green', 'yellow', 'black', 'white', 'brown', 'gray', 'pink', 'purple'],
  time: ['monday', 'tuesday', 'friday', 'sunday', 'january', 'march', 'april', 'june', 'october', 'december', 'morning', 'evening'],
  family: ['mother', 'father', 'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'uncle', 'aunt', 'cousin', 'grandmother'],
  body: ['hand', 'head', 'eyes', 'face', 'arm', 'leg', 'foot', 'heart', 'mouth', 'nose', 'finger', 'shoulder'],
  food: ['bread', 'meat', 'butter', 'cheese', 'milk', 'coffee', 'tea', 'sugar', 'wine', 'beer', 'soup', 'salt'],
  politics: ['government', 'congress', 'senate', 'president', 'election', 'party', 'vote', 'law', 'policy', 'minister'],
};

export const GROUP_NAMES = Object.keys(WORD_GROUPS);
