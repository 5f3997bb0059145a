// An exam domain as the outlines list it: a title, its share of the questions, its objectives.
export interface Domain {
  title: string;
  weight: number;
  objectives: string[];
}
