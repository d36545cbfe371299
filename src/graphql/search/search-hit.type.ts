import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../entities/node.interface.js';

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => Node, { description: 'The entity or source found.' })
  node!: Node;

  @Field(() => Float, {
    description:
      'Relevance: 100 exact name or alias, 50 name starting with the text, 30 a word starting with it, 10 other.',
  })
  score!: number;
}
