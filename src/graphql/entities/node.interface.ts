import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'Anything with a stable id: entities, statistics and sources. Ids are unique across kinds.',
  resolveType: (value: { constructor: { name: string } }) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, {
    description: 'Stable, readable id: a slug (freightliner), ISO 3166 code (MX, MX-COA), …',
  })
  id!: string;
}
